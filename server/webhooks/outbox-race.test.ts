import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Credentials, type TestApi, testApi } from '../app/test-client';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';

/**
 * Deleting a webhook while writes queue deliveries to it: on PostgreSQL a write that read the
 * webhook before the delete committed used to insert its delivery after, and failed with a
 * foreign key violation (a 500). Writes lock the webhooks they queue for (FOR KEY SHARE), so the
 * delete waits for them or they see it gone.
 */
describeEachDialect('deleting a webhook while writes queue deliveries to it', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let admin: Credentials;
  let member: Credentials;

  beforeAll(async () => {
    api = await testApi(dialect);
    org = await smallOrg(api.deps.services);
    admin = await api.tokenFor(org.admin);
    member = await api.tokenFor(org.member);
  });
  afterAll(() => api.dispose());

  it('never answers a write with a 500, and leaves no delivery of a deleted webhook', async () => {
    const statuses: number[] = [];
    for (let round = 0; round < 12; round++) {
      const hooks = await Promise.all(
        [0, 1, 2].map(
          async (i) =>
            (
              await api.call('POST', '/api/v1/webhooks', {
                as: admin,
                body: { url: `https://hooks${i}.example.com/in` },
              })
            ).body.id as string,
        ),
      );
      const writes = Array.from({ length: 16 }, (_, i) =>
        (i % 2 === 0
          ? api.call('POST', '/api/v1/check-ins', {
              as: member,
              body: { goalType: 'key_result', goalId: org.krId, value: round * 16 + i },
            })
          : api.call('POST', '/api/v1/units', { as: admin, body: { name: `Unit ${round}-${i}` } })
        ).then((r) => r.status),
      );
      const deletes = hooks.map(async (id, i) => {
        await new Promise((resolve) => setTimeout(resolve, (round % 4) * 2 + i));
        return (await api.call('DELETE', `/api/v1/webhooks/${id}`, { as: admin })).status;
      });
      statuses.push(...(await Promise.all([...writes, ...deletes])));
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([200, 201]));
    const orphans = await api.test.db.kysely
      .selectFrom('webhookDeliveries as d')
      .leftJoin('webhooks as w', 'w.id', 'd.webhookId')
      .select('d.id')
      .where('w.id', 'is', null)
      .execute();
    expect(orphans).toEqual([]);
  });
});
