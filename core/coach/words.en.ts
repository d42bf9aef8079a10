import type { CoachLexicon } from './words';

/** A comma-separated word list, written compactly: "launch, ship, roll out". */
const list = (text: string): string[] =>
  text
    .split(',')
    .map((word) => word.trim().replace(/\s+/g, ' '))
    .filter(Boolean);

/** English word lists of the coach. Verbs in their base form; phrases lower case, spaced, no hyphens. */
export const EN: CoachLexicon = {
  fillers: list(`
    we, i, will, shall, to, team, successfully, fully, significantly, dramatically, substantially,
    drastically, further, quickly, finally, really, measurably, massively, meaningfully, am, is, are,
    going, want, wants, would, like, aim, aims, hope, need, needs, must, should, can
  `),
  irregular: {
    built: 'build',
    held: 'hold',
    ran: 'run',
    wrote: 'write',
    written: 'write',
    grew: 'grow',
    grown: 'grow',
    kept: 'keep',
    made: 'make',
    won: 'win',
    took: 'take',
    taken: 'take',
    brought: 'bring',
    went: 'go',
    gone: 'go',
    met: 'meet',
    sped: 'speed',
  },
  taskVerbs: list(`
    launch, ship, implement, migrate, hold, complete, deliver, release, deploy, install, finish,
    roll out, set up, go live, upgrade, replace, rewrite, refactor, redesign, rebuild, hire,
    recruit, write, publish, document, organise, organize, conduct, host, integrate, finalise,
    finalize, translate, configure, automate, deprecate, sunset, decommission, run, put, draft,
    prepare, produce, create, build, develop, design, introduce, establish, define, pilot,
    prototype, test, audit
  `),
  workVerbs: list(`
    identify, resolve, provide, agree, agree on, choose, select, collect, gather, use, schedule,
    undertake, renegotiate, negotiate, train, fix, execute, send, send out, distribute, hand out,
    submit, interview, enroll, enrol, register, evaluate, assess, revise, update,
    burn down, close out, kick off, onboard, purchase, buy, procure, sign up for, obtain, post,
    tweet, speak, present, reach out, retire, consolidate, standardise, standardize, formalise,
    formalize, prioritise, prioritize, propose, validate
  `),
  softTaskVerbs: ['build', 'create', 'develop', 'design', 'introduce', 'establish', 'define'],
  doneMarkers: list(`
    shipped, launched, released, delivered, deployed, completed, migrated, implemented, live,
    in place, rolled out, set up
  `),
  activityVerbs: list(`
    consult, help, analyse, analyze, participate, support, work on, attend, assist, research,
    investigate, explore, look into, discuss, meet with, coordinate, contribute, collaborate,
    engage with, try, be involved, monitor, track, brainstorm, think about, learn about
  `),
  activityNouns: list(`
    meeting, call, post, email, demo, webinar, event, workshop, interview, presentation, tweet,
    article, newsletter, visit, training, session, sync, standup, talk, video, pitch, conference,
    touchpoint, outreach, message, lunch, coffee, one on one, review, code review, commit, campaign,
    blog post, podcast, episode, livestream, hackathon, meetup
  `),
  outcomeVerbs: list(`
    reach, hit, achieve, attain, get, generate, attract, receive, earn, acquire, gain, win, have,
    sign, close, convert, book, retain, welcome, serve, grow, increase, raise, double, triple, drive
  `),
  impactPhrases: list(`
    so that, resulting in, result in, leading to, lead to, that convert, converting, to drive,
    driving, to generate, generating, to increase, to grow, to reduce, to lift, to raise, to cut,
    to improve, which, sourcing, sourced, booked
  `),
  vagueVerbs: list(`
    improve, optimise, optimize, enhance, strengthen, streamline, maximise, maximize, minimise,
    minimize, better, focus on, drive, boost, advance, refine, evolve, modernise, modernize
  `),
  upVerbs: list(`
    grow, increase, raise, boost, double, triple, quadruple, expand, lift, gain, maximise,
    maximize, multiply, add, win
  `),
  downVerbs: list(`
    reduce, cut, lower, decrease, shrink, drop, minimise, minimize, halve, slash, trim, shorten,
    lessen, eliminate, bring down
  `),
  upNouns: list(`increase, rise, growth, improvement, uplift, lift, gain, boost, jump`),
  downNouns: list(`decrease, reduction, drop, decline, cut, fall`),
  targetVerbs: ['reach', 'hit', 'achieve', 'attain', 'get to', 'exceed', 'surpass'],
  businessAsUsual: list(`
    maintain, continue, keep, sustain, as usual, business as usual, stay, remain, preserve, uphold,
    carry on
  `),
  objectiveStyle: list(`
    world class, best in class, be the best, the best, best, greatest, industry leading, market leading, industry leader,
    market leader, leading provider, excellence, amazing, awesome, outstanding, exceptional,
    first class, top notch, revolutionise, revolutionize, dominate, the go to, number one
  `),
  objectiveStyleWeak: ['become', 'delight', 'our best', 'love'],
  comparatives: list(`
    better, more, less, healthier, happier, fitter, faster, stronger, smarter, harder, bigger,
    happy, successful, healthy, in shape, good, great, well, best i can, my best
  `),
  objectiveStyleExceptions: list(`
    best practice, best practices, personal best, best seller, best selling, go to market, certified, certification, certificate, licensed, accredited,
    fluent, qualified, proficient
  `),
  laggingMetrics: list(`
    revenue, arr, mrr, bookings, sales, profit, margin, ebitda, churn, retention, nps, csat,
    satisfaction, market share, renewal, renewals, ltv, lifetime value, gmv, income, earnings,
    valuation
  `),
  teamMetrics: list(`
    revenue, arr, mrr, bookings, churn, retention, nps, csat, satisfaction, conversion, activation,
    market share, active users, active teams, wau, mau, dau, signups, sign ups, engagement,
    adoption, pipeline
  `),
  overHundredPercent: list(`
    retention, nrr, ndr, growth, attainment, quota, roi, roas, of plan, of target, of budget,
    of goal, year over year, yoy, mom, qoq, markup, return, increase, uplift, coverage ratio,
    pipeline coverage, utilisation, utilization
  `),
  negativePercent: list(`
    growth, margin, change, return, delta, yoy, mom, qoq, variance, profit
  `),
  countUnits: list(`
    users, customers, people, teams, accounts, deals, tickets, queries, signups, leads, orders,
    installs, downloads, employees, hires, engineers, items, bugs, incidents, logos, seats,
    partners, count, #
  `),
  moneyWords: list(`
    revenue, arr, mrr, bookings, sales, profit, ebitda, pipeline, gmv, income, spend, budget, cost,
    costs, savings
  `),
  newWords: ['new', 'additional', 'more', 'extra', 'net new'],
  standardNames: list(`
    iso, soc, pci, dss, wcag, level, tier, phase, stage, step, version, release, gen, generation,
    web, section, article, type, hipaa, nist, cmmi, ipv, http, tls, sla
  `),
  rankWords: ['top', 'no', 'number', '#'],
  stopwords: list(`
    a, an, the, of, for, in, on, at, to, from, by, with, and, or, our, we, us, my, your, their,
    its, it, is, are, be, all, every, each, per, this, that, than, into, across, within, under,
    over, above, below, least, at, or, so, as, up, down, new, more, less, fewer, total, overall,
    half, number
  `),
  timeWords: list(`
    quarter, week, month, year, eoq, eoy, q1, q2, q3, q4, h1, h2, end, by
  `),
  metricAliases: {
    'net promoter score': 'nps',
    'net promoter': 'nps',
    'customer satisfaction score': 'csat',
    'customer satisfaction': 'csat',
    'monthly recurring revenue': 'mrr',
    'annual recurring revenue': 'arr',
    'annualised recurring revenue': 'arr',
    'annualized recurring revenue': 'arr',
    'weekly active users': 'wau',
    'monthly active users': 'mau',
    'daily active users': 'dau',
    'net revenue retention': 'nrr',
    'net dollar retention': 'ndr',
    'customer lifetime value': 'ltv',
    'lifetime value': 'ltv',
    'time to hire': 'time-to-hire',
    'sign ups': 'signups',
    signup: 'signups',
  },
  units: {
    $: ['$', 'usd', 'dollars'],
    '€': ['€', 'eur', 'euros'],
    '£': ['£', 'gbp', 'pounds'],
    '%': ['%', 'percent', 'per cent', 'pct'],
    pp: ['pp', 'percentage points', 'percentage point'],
    pts: ['pts', 'pt', 'points', 'point'],
    ms: ['ms', 'milliseconds', 'millisecond', 'msec'],
    s: ['s', 'sec', 'secs', 'seconds', 'second'],
    min: ['min', 'mins', 'minutes', 'minute'],
    h: ['h', 'hr', 'hrs', 'hours', 'hour'],
    d: ['days', 'day'],
    wk: ['weeks', 'week', 'wks'],
    mo: ['months', 'month'],
    x: ['x', '×'],
    TB: ['tb', 'terabytes', 'terabyte'],
    GB: ['gb', 'gigabytes', 'gigabyte'],
    MB: ['mb', 'megabytes', 'megabyte'],
    lb: ['lbs', 'lb'],
    kg: ['kg', 'kilograms', 'kilogram', 'kilos'],
    km: ['km', 'kilometres', 'kilometers'],
  },
  multipliers: {
    k: 1e3,
    thousand: 1e3,
    m: 1e6,
    mm: 1e6,
    mn: 1e6,
    million: 1e6,
    b: 1e9,
    bn: 1e9,
    billion: 1e9,
  },
  numberWords: {
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
    hundred: 100,
    dozen: 12,
  },
  notOneBefore: list(`each, no, any, every, some, the, this, that, which, second, no, anyone, someone, a`),
  notOneAfter: list(`of, another, on one, by one, to one, day, hand, way, thing, size`),
  months: list(`
    january, february, march, april, may, june, july, august, september, october, november,
    december, jan, feb, mar, apr, jun, jul, aug, sep, sept, oct, nov, dec
  `),
  frequencies: list(`
    daily, weekly, monthly, quarterly, yearly, annually, nightly, hourly, fortnightly, biweekly,
    once, twice, every day, every week, every month, every quarter, every year, every sprint,
    every semester, each day, each week, each month, each quarter, each year, each sprint,
    each semester, each academic semester, per day, per week, per month, per quarter, per year,
    per sprint, per semester, per academic semester, a day, a week, a month, a year, everyday
  `),
  fractionPhrases: { 'by a third': 1 / 3, 'by two thirds': 2 / 3, 'by a quarter': 0.25, 'by a fifth': 0.2 },
  multiplyVerbs: { double: 2, triple: 3, quadruple: 4, halve: 0.5 },
  halfPhrases: ['in half', 'by half'],
  atLeast: list(`
    >=, ≥, >, at least, above, over, more than, no less than, minimum of, min, at or above,
    or more, or above
  `),
  atMost: list(`
    <=, ≤, <, at most, below, under, less than, no more than, maximum of, max, within, at or below,
    or less, or below
  `),
  from: 'from',
  to: 'to',
  by: 'by',
  baselineWords: list(`
    current, the current, a current, today's, todays, today, baseline, a baseline of, baseline of,
    the baseline of, existing, the existing, present, the present, about, around, roughly,
    approximately, an estimated, estimated
  `),
  achievementEvents: list(`
    be promoted, get promoted, become certified, get certified, be certified, pass, graduate,
    be accepted, get accepted, be admitted, get admitted, qualify for, be elected, get elected,
    be awarded, be selected, get selected
  `),
  peopleSeparators: [',', ';', '/', '&', ' and ', ' or '],
};
