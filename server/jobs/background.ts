import type { Logger } from 'pino';

/**
 * Something a node runs beside its requests: the job runner, and the tight in-process loops that
 * are not jobs (the rollup settler, the SQLite WAL checkpointer, the PostgreSQL relay).
 */
export interface BackgroundTask {
  /** For logs: `job-runner`, `rollup-settler`, ... */
  name: string;
  start(): void | Promise<void>;
  /** Ends the task and waits for its work in progress. */
  stop(): Promise<void>;
}

/** Started background tasks, and how to stop them. */
export interface Background {
  /** Stops every task in the reverse order of starting; a task that fails to stop is logged. */
  stop(): Promise<void>;
}

/**
 * Starts the tasks in order; if one fails to start, stops those already started (in reverse) and
 * throws. The one place a node's background work begins and ends, so nothing is left running on
 * any path (a normal close, or a failed listen).
 *
 * @example
 * const background = await startBackground([settler, runner], logger);
 * await background.stop();
 */
export async function startBackground(tasks: readonly BackgroundTask[], logger: Logger): Promise<Background> {
  const started: BackgroundTask[] = [];
  const stop = async () => {
    for (const task of started.splice(0).reverse()) {
      try {
        await task.stop();
      } catch (error) {
        logger.error({ err: error, task: task.name }, 'a background task failed to stop');
      }
    }
  };
  for (const task of tasks) {
    try {
      await task.start();
    } catch (error) {
      await stop();
      throw error;
    }
    started.push(task);
    logger.debug({ task: task.name }, 'background task started');
  }
  return { stop };
}
