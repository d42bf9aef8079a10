// node-postgres, loaded on first use: a SQLite server never needs it, and loading it cost every
// `tandem serve` and CLI command that opens a database ~100 ms of CPU (issue 17 item 5). Loaded
// with require() (its CommonJS build), so opening a database stays synchronous.
import { createRequire } from 'node:module';
import type Pg from 'pg';

const require = createRequire(import.meta.url);
let driver: typeof Pg | undefined;

/** The `pg` module. */
export function pgDriver(): typeof Pg {
  driver ??= require('pg') as typeof Pg;
  return driver;
}
