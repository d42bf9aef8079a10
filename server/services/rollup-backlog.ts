import type { Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/schema';
import { repositories } from '../repositories/index';
import type { WorkspaceRow } from '../repositories/workspace.repository';
import { type ServiceDeps, transact } from './context';
import { Rollups } from './rollup';
import { readSettings } from './workspace-settings';

/**
 * The rollup backlog. A check-in group recomputes each goal and the objective right above it, and
 * marks the aligned KRs above those objectives instead of recomputing them and everything above
 * (department and company rollups, which every group of a busy organisation would otherwise
 * recompute, each reading all their children). Marks are settled, in one transaction that
 * recomputes each marked KR once and then every ancestor above, by:
 * - any session that reads the workspace (`openSession`), before it reads anything, so no read
 *   ever sees a stale rollup;
 * - `RollupSettler`, in the background of `tandem serve`.
 */

/** Settles a workspace's backlog in the caller's transaction; returns how many marks it took. */
export async function settleRollups(
  deps: ServiceDeps,
  trx: Transaction<Database>,
  workspace: Pick<WorkspaceRow, 'id' | 'settings'>,
): Promise<number> {
  const repos = repositories(trx, deps.db.dialect);
  const ids = await repos.rollupBacklog.claim(workspace.id);
  if (ids.length === 0) return 0;
  const rollups = new Rollups(
    repos,
    workspace.id,
    readSettings(workspace.settings, workspace.id, deps.logger),
    deps.clock.now(),
  );
  rollups.defer();
  for (const id of ids) await rollups.alignedKeyResult(id);
  await rollups.flush();
  return ids.length;
}

/** Settles a workspace's backlog in a transaction of its own. */
export function settleRollupsNow(deps: ServiceDeps, workspace: Pick<WorkspaceRow, 'id' | 'settings'>) {
  return transact(deps, (trx) => settleRollups(deps, trx, workspace));
}

/**
 * Settles every workspace's backlog in the background, every `intervalMs`, so that marks do not
 * wait for a reader. One settle runs at a time.
 */
export class RollupSettler {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(
    readonly deps: ServiceDeps,
    readonly logger: Logger,
    readonly intervalMs = 1000,
  ) {}

  start(): void {
    this.#timer ??= setInterval(() => {
      this.#running ??= this.settleAll().then(() => {
        this.#running = undefined;
      });
    }, this.intervalMs);
    this.#timer.unref();
  }

  /** Settles every workspace with marks waiting; returns how many marks it took. */
  async settleAll(): Promise<number> {
    let taken = 0;
    try {
      const repos = repositories(this.deps.db.kysely, this.deps.db.dialect);
      for (const id of await repos.rollupBacklog.pendingWorkspaces()) {
        const workspace = await repos.workspaces.find(id);
        if (workspace) taken += await settleRollupsNow(this.deps, workspace);
      }
    } catch (error) {
      this.logger.error({ err: error }, 'settling the rollup backlog failed; will retry');
    }
    return taken;
  }

  /** Stops the timer and waits for a settle in progress. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }
}
