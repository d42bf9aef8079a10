import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_PATH, openApiJson } from './openapi-document';
import { type TestApi, testApi } from './test-client';

describe('OpenAPI document', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi('sqlite');
  });
  afterAll(() => api.dispose());

  it('is committed and current (run `npm run generate:openapi` after changing a route)', async () => {
    expect(readFileSync(OPENAPI_PATH, 'utf8')).toBe(await openApiJson());
  });

  it('is served at /api/openapi.json as OpenAPI 3.1 with every resource of SPEC 10', async () => {
    const res = await api.call('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(`${JSON.stringify(res.body, null, 2)}\n`).toBe(readFileSync(OPENAPI_PATH, 'utf8'));
    const paths = Object.keys(res.body.paths);
    for (const resource of [
      'auth/signup',
      'auth/signin',
      'auth/signout',
      'auth/me',
      'workspace',
      'people',
      'units',
      'cycles',
      'cycles/{id}/close',
      'objectives',
      'key-results',
      'smart-goals',
      'alignments',
      'check-ins',
      'check-ins/batch',
      'events',
      'dashboard',
      'coach/lint',
      'advisor',
      'tokens',
      'stream',
    ]) {
      expect(paths).toContain(`/api/v1/${resource}`);
    }
    const operations = Object.values(res.body.paths).flatMap((methods) =>
      Object.values(methods as Record<string, { operationId?: string }>),
    );
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(operations.length);
    expect(ids).toContain('listObjectives');
    expect(ids).toContain('updateSmartGoal');
    expect(res.body.components.securitySchemes).toHaveProperty('bearer');
    expect(res.body.components.schemas).toHaveProperty('Error');
  });

  it('serves browsable docs from the npm package, under a CSP with no inline script', async () => {
    const page = await api.call('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.body).toContain('/api/docs/swagger-ui-bundle.js');
    expect(page.body).not.toMatch(/<script>[^<]/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const bundle = await api.app.request('/api/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
    expect((await api.call('GET', '/api/docs/../../package.json')).status).toBe(404);
  });
});
