/**
 * A writer for the backup test (`server/db/backup.test.ts`), run as its own process with tsx so
 * that it writes while the test process backs up: check-ins on the key results of
 * `TANDEM_TEST_KRS` (comma-separated) as `TANDEM_TEST_PERSON` of `TANDEM_TEST_WORKSPACE` on the
 * database at `TANDEM_TEST_DB`, one after another, as fast as they go. Prints `ack <id> <kr>
 * <value>` once each is stored (acknowledged); stops on SIGTERM after the one in flight.
 */
import { openDatabase } from '../db/database';
import { serviceDeps } from '../services/context';
import { createServices } from '../services/index';

const db = openDatabase(process.env.TANDEM_TEST_DB ?? '');
const services = createServices(serviceDeps(db));
const actor = {
  workspaceId: process.env.TANDEM_TEST_WORKSPACE ?? '',
  personId: process.env.TANDEM_TEST_PERSON ?? '',
  actorType: 'person' as const,
  source: 'api' as const,
};
const krs = (process.env.TANDEM_TEST_KRS ?? '').split(',');
let isStopping = false;
process.on('SIGTERM', () => {
  isStopping = true;
});
process.stdout.write('ready\n');
for (let i = 0; !isStopping; i++) {
  const kr = krs[i % krs.length]!;
  const value = i % 100;
  const result = await services.checkIns.checkIn(actor, { goalType: 'key_result', goalId: kr, value });
  process.stdout.write(`ack ${result.checkIn.id} ${kr} ${value}\n`);
}
await db.close();
