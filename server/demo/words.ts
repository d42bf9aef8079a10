/** Word lists for realistic generated goals. */

export const DEPARTMENTS = [
  'Engineering',
  'Product',
  'Sales',
  'Marketing',
  'Customer Success',
  'Finance',
  'People',
  'Operations',
  'Security',
  'Data',
  'Design',
  'Legal',
  'Support',
  'Partnerships',
  'Infrastructure',
  'Research',
  'Growth',
  'Quality',
  'Platform',
  'Mobile',
];

export const TEAM_WORDS = [
  'Atlas',
  'Beacon',
  'Comet',
  'Delta',
  'Ember',
  'Falcon',
  'Harbor',
  'Iris',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Meridian',
  'Nova',
  'Orbit',
  'Pulse',
  'Quartz',
  'Raven',
  'Summit',
  'Tide',
  'Vertex',
];

export const OBJECTIVES = [
  'Make onboarding effortless for every new customer',
  'Become the most trusted brand in our market',
  'Delight customers with fast and reliable support',
  'Build a product our customers cannot live without',
  'Grow revenue from our largest accounts sustainably',
  'Make every release boring, safe and frequent',
  'Turn our data into decisions people trust',
  'Make this the best place to grow a career',
  'Win the mid-market in our home region',
  'Earn the security trust of enterprise buyers',
];

export const METRICS: { name: string; unit: string; start: number; target: number }[] = [
  { name: 'Net Promoter Score', unit: 'pts', start: 35, target: 55 },
  { name: 'weekly active teams', unit: 'teams', start: 1200, target: 2000 },
  { name: 'time to first value', unit: 'days', start: 14, target: 4 },
  { name: 'p95 page load time', unit: 'ms', start: 1800, target: 800 },
  { name: 'monthly recurring revenue', unit: 'k$', start: 420, target: 600 },
  { name: 'support first-response time', unit: 'min', start: 240, target: 60 },
  { name: 'trial-to-paid conversion', unit: '%', start: 8, target: 14 },
  { name: 'deploys per week', unit: 'deploys', start: 5, target: 20 },
  { name: 'customer churn', unit: '%', start: 4, target: 2 },
  { name: 'employee engagement score', unit: 'pts', start: 68, target: 80 },
];

export const SMART_TASKS = [
  'Ship the guided setup checklist',
  'Publish the runbook for on-call handovers',
  'Run five customer interviews and write up findings',
  'Automate the weekly churn report',
  'Migrate the billing jobs to the new queue',
  'Pass the cloud security certification exam',
  'Write the pricing page experiment plan',
  'Close the top ten accessibility issues',
  'Train the support team on the new console',
  'Reduce flaky tests in the checkout suite to zero',
];

export const LESSONS = [
  'Start measuring earlier; the baseline took three weeks to agree.',
  'The target was right but we staffed it late.',
  'An external change moved the goalposts mid-quarter.',
  'Weekly check-ins kept us honest; keep them.',
  'We picked a lagging metric; add a leading one next time.',
];
