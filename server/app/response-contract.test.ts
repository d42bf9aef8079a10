import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { openApiDocument } from './app';
import { type OpenApiDocument, ResponseContract } from './response-contract';
import { type TestApi, testApi } from './test-client';

describe('the response contract (a field its schema does not list fails the route tests)', () => {
  let api: TestApi;
  let org: SmallOrg;
  let contract: ResponseContract;
  let admin: { bearer: string };
  beforeAll(async () => {
    api = await testApi('sqlite');
    org = await smallOrg(api.deps.services);
    admin = await api.tokenFor(org.admin);
    contract = new ResponseContract(openApiDocument(api.app) as unknown as OpenApiDocument);
  });
  afterAll(() => api.dispose());

  it('names a field a presenter would leak, wherever it sits in the answer', async () => {
    const cycles = await api.call('GET', '/api/v1/cycles', { as: admin });
    expect(contract.problems('GET', '/api/v1/cycles', 200, cycles.body)).toEqual([]);
    cycles.body.items[1].createdAt = 0;
    expect(contract.problems('GET', '/api/v1/cycles?limit=5', 200, cycles.body)).toEqual([
      'GET /api/v1/cycles 200: $.items[1].createdAt is not in the schema',
    ]);
    const path = `/api/v1/objectives/${org.objectiveId}`;
    const objective = await api.call('GET', path, { as: admin });
    expect(contract.problems('GET', path, 200, objective.body)).toEqual([]);
    objective.body.keyResults[0].evaluation.internal = true;
    objective.body.keyResults[0].passwordHash = 'x';
    expect(contract.problems('GET', path, 200, objective.body)).toEqual([
      'GET /api/v1/objectives/{id} 200: $.keyResults[0].evaluation.internal is not in the schema',
      'GET /api/v1/objectives/{id} 200: $.keyResults[0].passwordHash is not in the schema',
    ]);
  });

  it('takes a literal path before a template, and a record as open', async () => {
    const mine = '/api/v1/people/me/notifications';
    const notifications = await api.call('GET', mine, { as: admin });
    expect(notifications.status).toBe(200);
    expect(contract.schemaOf('GET', mine, 200)?.operation).toBe(`GET ${mine} 200`);
    expect(contract.problems('GET', mine, 200, notifications.body)).toEqual([]);
    // An error's details is a record: any key is allowed in it, none beside it.
    const body = { error: { code: 'validation', message: 'm', details: { anything: 1 }, requestId: 'r' } };
    expect(contract.problems('GET', mine, 400, body)).toEqual([]);
    expect(contract.problems('GET', mine, 400, { ...body, stack: 'at ...' })).toEqual([
      `GET ${mine} 400: $.stack is not in the schema`,
    ]);
  });
});
