import type { ServiceDeps } from './context';

/** Whether the database answers, for `GET /api/health` (routes never reach the database). */
export class HealthService {
  constructor(readonly deps: ServiceDeps) {}

  /** Reads one row; returns the dialect, or throws when the database does not answer. */
  async ping(): Promise<ServiceDeps['db']['dialect']> {
    await this.deps.db.kysely.selectFrom('workspaces').select('id').limit(1).execute();
    return this.deps.db.dialect;
  }
}
