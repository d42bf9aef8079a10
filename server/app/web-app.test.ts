import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, migrateToLatest, openDatabase } from '../db/database';
import { createAppDeps } from '../http/deps';
import { createApp } from './app';
import { APP_CSP } from './middleware';
import { IMMUTABLE, REVALIDATE } from './web-app';

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-Ab12.js"></script></head></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(2000))});`;

describe('serving the web app', () => {
  let dir: string;
  let db: Db;
  let app: ReturnType<typeof createApp>;
  const get = (url: string, headers: Record<string, string> = {}) => app.request(url, { headers });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tandem-web-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    writeFileSync(path.join(dir, 'assets/index-Ab12.js'), SCRIPT);
    writeFileSync(path.join(dir, 'assets/index-Ab12.js.br'), brotliCompressSync(SCRIPT));
    writeFileSync(path.join(dir, 'assets/index-Ab12.js.gz'), gzipSync(SCRIPT));
    writeFileSync(path.join(dir, 'assets/style-Cd34.css'), 'body{color:red}');
    db = openDatabase(':memory:');
    await migrateToLatest(db);
    app = createApp(createAppDeps({ db, webDir: dir }));
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves hashed assets as immutable, precompressed as the client accepts', async () => {
    const br = await get('/assets/index-Ab12.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(SCRIPT);

    const gz = await get('/assets/index-Ab12.js', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');

    const plain = await get('/assets/index-Ab12.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);

    const css = await get('/assets/style-Cd34.css', { 'Accept-Encoding': 'br' });
    expect(css.headers.get('content-encoding')).toBeNull();
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers every app path that accepts HTML with index.html, revalidated, under the app CSP', async () => {
    for (const url of ['/', '/check-in', '/objectives/abc', '/invitations', '/sign-in?next=%2F']) {
      const res = await get(url, { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe(REVALIDATE);
      expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(await res.text()).toBe(INDEX);
    }
    const head = await app.request('/dashboard', { method: 'HEAD', headers: { Accept: 'text/html' } });
    expect(head.status).toBe(200);
  });

  it('never shadows /api, and gives non-HTML requests for unknown paths the JSON 404', async () => {
    const health = await get('/api/health', { Accept: 'text/html' });
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    const unknownApi = await get('/api/v1/nothing', { Accept: 'text/html' });
    expect(unknownApi.status).toBe(404);
    expect(((await unknownApi.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect(unknownApi.headers.get('content-security-policy')).toContain("default-src 'none'");

    const missingAsset = await get('/assets/gone-Zz99.js', { Accept: 'text/html' });
    expect(missingAsset.status).toBe(404);
    expect(((await missingAsset.json()) as { error: { code: string } }).error.code).toBe('not_found');

    const json = await get('/check-in', { Accept: 'application/json' });
    expect(json.status).toBe(404);

    const post = await app.request('/check-in', { method: 'POST', headers: { Accept: 'text/html' } });
    expect(post.status).toBe(404);
  });

  it('serves nothing outside the build folder', async () => {
    const res = await get('/assets/%2e%2e/%2e%2e/package.json', { Accept: 'application/json' });
    expect(res.status).toBe(404);
    const encoded = await get('/..%2f..%2fpackage.json');
    expect(encoded.status).toBe(404);
  });

  it('explains a missing build instead of a blank page', async () => {
    const bare = createApp(createAppDeps({ db, webDir: path.join(dir, 'nowhere') }));
    const res = await bare.request('/', { headers: { Accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('npm run build:web');
  });
});
