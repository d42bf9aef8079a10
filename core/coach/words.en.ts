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
    drastically, further, quickly, finally, really, measurably, massively
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
    touchpoint, outreach, message, lunch, coffee, one on one
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
  targetVerbs: ['reach', 'hit', 'achieve', 'attain', 'get to', 'exceed', 'surpass'],
  businessAsUsual: list(`
    maintain, continue, keep, sustain, as usual, business as usual, stay, remain, preserve, uphold,
    carry on
  `),
  objectiveStyle: list(`
    world class, best in class, be the best, industry leading, market leading, industry leader,
    market leader, leading provider, excellence, amazing, awesome, outstanding, exceptional,
    first class, top notch, revolutionise, revolutionize, dominate, the go to, number one
  `),
  objectiveStyleWeak: ['become', 'delight', 'our best', 'love'],
  objectiveStyleExceptions: list(`
    best practice, go to market, certified, certification, certificate, licensed, accredited,
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
  peopleSeparators: [',', ';', '/', '&', ' and ', ' or '],
};
