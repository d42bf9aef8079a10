/** The outcome of one job of a group: its value, or the error that job alone failed with. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Group commit: jobs submitted while a group is being written wait and are written together in
 * the next group, in order of arrival. On SQLite (one writer at a time) and on a hot parent row in
 * PostgreSQL this turns many small transactions, each recomputing the same ancestors, into one
 * transaction per group that recomputes them once. Each job still succeeds or fails on its own
 * (`runGroup` isolates them, with savepoints).
 *
 * @example
 * const writer = new GroupCommit((jobs) => writeAll(jobs));
 * const result = await writer.submit(job);
 */
export class GroupCommit<J, R> {
  readonly #pending: { job: J; resolve: (value: R) => void; reject: (error: unknown) => void }[] = [];
  #running = 0;
  #isStarting = false;

  /**
   * @param runGroup writes a group and reports each job's outcome
   * @param maxJobs the most jobs in one group
   * @param concurrency how many groups may be written at once (1 for SQLite's single writer;
   *   more on PostgreSQL, where groups overlap until they meet on a shared ancestor's row lock)
   */
  constructor(
    readonly runGroup: (jobs: readonly J[]) => Promise<Outcome<R>[]>,
    readonly maxJobs = 64,
    readonly concurrency = 1,
  ) {}

  /** Queues a job; resolves with its own outcome once its group is committed. */
  submit(job: J): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#pending.push({ job, resolve, reject });
      if (this.#running < this.concurrency && !this.#isStarting) {
        // Start on the event loop's next turn, not now: requests whose bytes have already arrived
        // are taken in first and join this group. On SQLite a group's transaction never yields to
        // I/O (the driver is synchronous), so starting at once wrote every request alone: groups
        // of one at 32 concurrent HTTP clients (docs/PERFORMANCE.md).
        this.#isStarting = true;
        setImmediate(() => this.#start());
      }
    });
  }

  #start(): void {
    this.#isStarting = false;
    // Each `#drain` takes its first group before its first await, so this starts at most
    // `concurrency` of them.
    while (this.#running < this.concurrency && this.#pending.length > 0) void this.#drain();
  }

  async #drain(): Promise<void> {
    this.#running++;
    try {
      while (this.#pending.length > 0) {
        const group = this.#pending.splice(0, this.maxJobs);
        try {
          const outcomes = await this.runGroup(group.map((g) => g.job));
          group.forEach((g, i) => {
            const outcome = outcomes[i];
            if (outcome?.ok) g.resolve(outcome.value);
            else g.reject(outcome ? outcome.error : new Error('no outcome for a queued job'));
          });
        } catch (error) {
          for (const g of group) g.reject(error);
        }
      }
    } finally {
      this.#running--;
    }
  }
}
