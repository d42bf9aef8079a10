import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { pickEncoding } from './middleware';
import { type TestApi, testApi } from './test-client';

describe('pickEncoding', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['identity', undefined],
    ['gzip', 'gzip'],
    ['gzip, deflate', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=1.0, br;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0', undefined],
    ['deflate', undefined],
  ])('%s -> %s', (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });
});

/** Issue 17 item 1: JSON answers are compressed for clients that ask; live streams never are. */
describeEachDialect('compressed answers', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let bearer: string;
  let path: string;
  let plain: Response;
  let plainText: string;
  beforeAll(async () => {
    api = await testApi(dialect);
    org = await smallOrg(api.deps.services);
    bearer = (await api.tokenFor(org.admin)).bearer;
    path = `/api/v1/objectives?cycle=${org.cycleId}`;
    plain = await get(path, undefined);
    plainText = await plain.text();
  });
  afterAll(() => api.dispose());

  const get = (url: string, acceptEncoding: string | undefined) =>
    api.app.request(url, {
      headers: {
        Authorization: `Bearer ${bearer}`,
        ...(acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding }),
      },
    });

  it('answers as before without Accept-Encoding, saying the answer varies by it', () => {
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(plainText.length).toBeGreaterThan(1024);
    expect(JSON.parse(plainText).items.map((o: { id: string }) => o.id)).toContain(org.objectiveId);
  });

  it('gzip and brotli carry the same JSON, smaller', async () => {
    for (const [header, encoding, decode] of [
      ['gzip', 'gzip', gunzipSync],
      ['gzip, deflate, br', 'br', brotliDecompressSync],
    ] as const) {
      const res = await get(path, header);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = Buffer.from(await res.arrayBuffer());
      expect(Number(res.headers.get('content-length'))).toBe(body.length);
      expect(body.length).toBeLessThan(plainText.length);
      // Same to the character, numbers included.
      expect(decode(body).toString('utf8')).toBe(plainText);
    }
  });

  it('identity, deflate only, and small answers are sent as they are', async () => {
    for (const header of ['identity', 'deflate', 'br;q=0, gzip;q=0']) {
      const res = await get(path, header);
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(await res.text()).toBe(plainText);
    }
    const health = await get('/api/health', 'gzip, br');
    expect(health.headers.get('content-encoding')).toBeNull();
    expect(health.status).toBe(200);
  });

  it('errors are compressed JSON too, and decode to the same envelope', async () => {
    const res = await get('/api/v1/objectives?limit=0', 'gzip');
    expect(res.status).toBe(400);
    const text =
      res.headers.get('content-encoding') === 'gzip'
        ? gunzipSync(Buffer.from(await res.arrayBuffer())).toString()
        : await res.text();
    expect(JSON.parse(text).error.code).toBe('validation');
  });

  it('the live stream is never compressed nor held back', async () => {
    const res = await get('/api/v1/stream', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(res.headers.get('content-encoding')).toBeNull();
    const reader = res.body!.getReader();
    // The stream's first bytes arrive while it stays open: nothing waits for its end.
    const first = await Promise.race([
      reader.read(),
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000)),
    ]);
    expect(first).not.toBe('timeout');
    await reader.cancel();
  });
});
