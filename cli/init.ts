import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { EXIT } from './exit-codes';

/** The files `tandem init` writes, by name. */
export const INIT_FILES = ['goals.yaml', '.env.example'] as const;

/** The calendar quarter of a moment, as a cycle name (`2026-Q4`), with its first and last days. */
function quarterOf(at: Date): { name: string; start: string; end: string } {
  const year = at.getUTCFullYear();
  const q = Math.floor(at.getUTCMonth() / 3);
  const day = (month: number, d: number) => new Date(Date.UTC(year, month, d)).toISOString().slice(0, 10);
  return { name: `${year}-Q${q + 1}`, start: day(q * 3, 1), end: day(q * 3 + 3, 0) };
}

/**
 * A starter goals file, lint-clean: a company objective, a team objective aligned to it, their key
 * results and a SMART goal, for the quarter of `at` in its first week, else for the next one
 * (goals are written before their quarter; one written late would start behind).
 */
export function starterGoals(at: Date): string {
  // After a week without check-ins the coach calls goals stale: a file for a quarter well under
  // way would start with warnings.
  const isLate = at.getUTCMonth() % 3 > 0 || at.getUTCDate() > 7;
  const quarter = quarterOf(
    isLate ? new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 3 - (at.getUTCMonth() % 3), 1)) : at,
  );
  const today = at.toISOString().slice(0, 10);
  // Two weeks before the quarter ends, and never before today.
  const twoWeeksBefore = new Date(Date.parse(`${quarter.end}T00:00:00Z`) - 14 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const due = twoWeeksBefore > today ? twoWeeksBefore : quarter.end;
  const start = [quarter.start, today].sort()[1]!;
  return `# Your goals for ${quarter.name}: a company objective, a team objective that serves it, how you
# will know (key results) and a piece of work that moves them (a SMART goal). Edit names, people
# and numbers, then:
#   tandem lint goals.yaml            the coach's findings (exit 1 on an error)
#   tandem score goals.yaml           every goal's numbers, no server needed
#   tandem import goals.yaml --dry-run --database data/tandem.db   what an import would do
# The format: SPEC section 9 and docs/goals-file.schema.json; docs/goals-as-code.md keeps a
# workspace in step with a repository of these files.
version: 1
cycle: ${quarter.name}

units:
  - { key: company, name: Example Company }
  - { key: team, name: Customer team, parent: company, leads: [lead@example.com] }

objectives:
  - key: customers-stay
    title: Become the tool our customers would miss most
    unit: company
    lead: ceo@example.com
    kind: aspirational
    key_results:
      - key: net-retention
        title: Increase net revenue retention from 95% to 105%
        owner: ceo@example.com
        measure: { type: increase, start: 95, target: 105, unit: "%" }
      - key: referrals
        title: Grow the number of new customers who came by a referral from 10 to 25 a month
        owner: ceo@example.com
        measure: { type: increase, start: 10, target: 25 }

  - key: successful-customers
    title: Make every new customer successful in their first month
    unit: team
    lead: lead@example.com
    kind: committed
    aligns_to: [net-retention]
    key_results:
      - key: onboarding-completion
        title: Increase the share of new accounts that finish onboarding from 40% to 60%
        owner: lead@example.com
        measure: { type: increase, start: 40, target: 60, unit: "%" }
      - key: first-response
        title: Reduce the median first response to a support request from 8 hours to 2 hours
        owner: member@example.com
        measure: { type: decrease, start: 8, target: 2, unit: h }

smart_goals:
  - key: onboarding-guide
    title: Publish an onboarding guide covering the first 5 steps of a new account
    owner: member@example.com
    supports: onboarding-completion
    measure: { type: milestones, milestones: [Draft, Review, Publish] }
    start: ${start}
    due: ${due}
`;
}

/** The configuration `tandem serve` reads (server/config/config.ts), every line commented out. */
export const ENV_EXAMPLE = `# Tandem's configuration: copy to .env (or set in the environment) and uncomment what you change.
# Every variable is optional; the values shown are the defaults. README: "Configuration".

# Where the data lives: a SQLite file in TANDEM_DATA_DIR, or PostgreSQL for production.
# TANDEM_DATA_DIR=data
# DATABASE_URL=postgres://tandem:secret@127.0.0.1:5432/tandem
# TANDEM_DB_POOL=10

# Where the server listens, and the address people reach it at (invitation links; https marks cookies Secure).
# HOST=127.0.0.1
# PORT=3000
# TANDEM_PUBLIC_URL=https://goals.example.com
# TANDEM_TRUST_PROXY=false

# Who may sign up: first (only the first sign-up creates a workspace) or open.
# TANDEM_SIGNUP=first
# TANDEM_SESSION_DAYS=14

# Background work on this node: jobs (reminders, digests) and webhooks.
# TANDEM_JOBS=on
# TANDEM_WEBHOOKS=on
# TANDEM_OUTBOUND_ALLOW=

# Limits and logging.
# TANDEM_BODY_LIMIT=1000000
# TANDEM_REQUEST_TIMEOUT_MS=30000
# LOG_LEVEL=info

# For the CLI against a server (tandem checkin, import --server, export --server); tandem login stores them instead.
# TANDEM_SERVER=http://127.0.0.1:3000
# TANDEM_TOKEN=tdm_pat_...
`;

/** What `tandem init` did: the files written, or those already there (nothing written then). */
export type InitResult = { status: 'written'; files: string[] } | { status: 'exists'; files: string[] };

/**
 * Writes a starter goals file and a configuration example into `dir`, unless either is already
 * there (then nothing is written).
 *
 * @example
 * runInit({ dir: '.', at: new Date() });
 */
export function runInit(options: { dir: string; at: Date }): InitResult {
  const files = INIT_FILES.map((name) => path.join(options.dir, name));
  const existing = files.filter((file) => existsSync(file));
  if (existing.length > 0) return { status: 'exists', files: existing };
  mkdirSync(options.dir, { recursive: true });
  writeFileSync(files[0]!, starterGoals(options.at), { flag: 'wx' });
  writeFileSync(files[1]!, ENV_EXAMPLE, { flag: 'wx' });
  return { status: 'written', files };
}

/** Registers `tandem init [DIR]`. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a starter goals file (goals.yaml) and a configuration example (.env.example)')
    .argument('[dir]', 'the folder to write them in', '.')
    .addHelpText(
      'after',
      `
Examples:
  $ tandem init                 # goals.yaml and .env.example here
  $ tandem init goals           # in ./goals
  $ tandem lint goals.yaml && tandem score goals.yaml

Refuses to overwrite: when either file exists, nothing is written and the exit code is 1.`,
    )
    .action((dir: string) => {
      const result = runInit({ dir, at: new Date() });
      if (result.status === 'exists') {
        console.error(
          `tandem init: ${result.files.join(' and ')} already exist${result.files.length === 1 ? 's' : ''}; nothing was written`,
        );
        process.exitCode = EXIT.problems;
        return;
      }
      for (const file of result.files) console.log(`wrote ${file}`);
      console.log(`Next: edit ${result.files[0]}, then \`tandem lint ${result.files[0]}\`.`);
    });
}
