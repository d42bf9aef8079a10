import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { Db } from './database';

/** SQLite's own threshold, in WAL pages, restored if the checkpointer stops. */
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

// Plain JavaScript (a worker runs no TypeScript): its own connection to the file, a PASSIVE
// checkpoint every interval (it copies what it can without waiting for, or blocking, the writer
// and readers), and a stop message that ends it after a last checkpoint.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage({ error: String(error) }); }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); });
`;

/** A running checkpointer, and how to stop it. */
export interface WalCheckpointer {
  stop(): Promise<void>;
}

/**
 * Moves SQLite's WAL checkpoints off the request path: the server's connection stops
 * checkpointing at commit (`wal_autocheckpoint = 0`), and a worker thread with a connection of its
 * own checkpoints every `intervalMs`, on the other core. A commit then only appends to the WAL; a
 * checkpoint inside a commit cost the check-in that met it several milliseconds (and, at 1,000
 * pages, most of the average cost of a commit). If the worker fails, the connection checkpoints by
 * itself again. Nothing to do for PostgreSQL or in-memory databases.
 */
export function startWalCheckpointer(
  db: Db,
  file: string,
  logger: Logger,
  intervalMs = 500,
): WalCheckpointer | undefined {
  if (db.native.dialect !== 'sqlite' || file === ':memory:') return undefined;
  const sqlite = db.native.database;
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, file, intervalMs } });
  sqlite.pragma('wal_autocheckpoint = 0');
  let isStopping = false;
  const fallBack = (reason: string) => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
    if (!isStopping)
      logger.warn({ reason }, 'WAL checkpointer stopped; the server checkpoints at commit again');
  };
  worker.on('message', (message: { error?: string }) => {
    if (message.error) logger.warn({ error: message.error }, 'WAL checkpoint failed; will retry');
  });
  worker.on('error', (error) => fallBack(String(error)));
  worker.on('exit', (code) => fallBack(`exited with ${code}`));
  // After the listeners, which would otherwise hold the process open again.
  worker.unref();
  return {
    stop: async () => {
      isStopping = true;
      // Held open until it has finished its last checkpoint.
      worker.ref();
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      await exited;
    },
  };
}
