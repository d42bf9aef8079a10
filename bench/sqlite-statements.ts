// Counts and times every statement better-sqlite3 runs in this process (`run`, `get`, `all`, and
// `iterate`, whose rows are timed as they are read), by its SQL text: which statements a workload
// spends its database time on. Used by `pg-round-trips.ts --sqlite --by-sql` and
// `reminders.ts --by-sql`.
import SQLite from 'better-sqlite3';

export interface StatementStats {
  /** Executions by statement (whitespace folded, lower case, first 160 characters). */
  count: Map<string, number>;
  /** Milliseconds by statement. */
  ms: Map<string, number>;
  /** Executions of any statement; those between a `begin` and its `commit` or `rollback`. */
  totals: { all: number; inTransaction: number };
  reset(): void;
  /** The `n` statements that took the most time (or ran most often), as printable lines. */
  top(n: number, by?: 'ms' | 'count', per?: number): string[];
}

const keyOf = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ').slice(0, 160);

/** Patches better-sqlite3's Statement once for the process and returns the running figures. */
export function instrumentSqliteStatements(): StatementStats {
  const stats: StatementStats = {
    count: new Map(),
    ms: new Map(),
    totals: { all: 0, inTransaction: 0 },
    reset() {
      stats.count.clear();
      stats.ms.clear();
      stats.totals.all = 0;
      stats.totals.inTransaction = 0;
    },
    top(n, by = 'ms', per = 1) {
      const source = by === 'ms' ? stats.ms : stats.count;
      return [...source]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(
          ([text]) =>
            `${((stats.count.get(text) ?? 0) / per).toFixed(3).padStart(9)} x ${((stats.ms.get(text) ?? 0) / per).toFixed(3).padStart(9)} ms  ${text}`,
        );
    },
  };
  const add = (key: string, ms: number) => stats.ms.set(key, (stats.ms.get(key) ?? 0) + ms);
  const memory = new SQLite(':memory:');
  const statement = Object.getPrototypeOf(memory.prepare('select 1')) as Record<string, unknown>;
  memory.close();
  let depth = 0;
  for (const method of ['run', 'get', 'all', 'iterate']) {
    const original = statement[method] as (...a: unknown[]) => unknown;
    statement[method] = function (this: SQLite.Statement, ...rest: unknown[]) {
      const key = keyOf(this.source);
      stats.totals.all++;
      stats.count.set(key, (stats.count.get(key) ?? 0) + 1);
      if (key.startsWith('begin')) depth = 1;
      else if (depth > 0) stats.totals.inTransaction++;
      if (key.startsWith('commit') || (key.startsWith('rollback') && !key.startsWith('rollback to')))
        depth = 0;
      const started = performance.now();
      if (method !== 'iterate') {
        try {
          return original.apply(this, rest);
        } finally {
          add(key, performance.now() - started);
        }
      }
      const rows = original.apply(this, rest) as IterableIterator<unknown>;
      add(key, performance.now() - started);
      const next = rows.next.bind(rows);
      rows.next = () => {
        const at = performance.now();
        try {
          return next();
        } finally {
          add(key, performance.now() - at);
        }
      };
      return rows;
    };
  }
  return stats;
}
