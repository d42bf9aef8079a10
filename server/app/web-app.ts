import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Context } from 'hono';
import type { Api, AppEnv } from './env';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Hashed build output: its name changes with its content, so it may be cached for ever. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and other unhashed files: always revalidated, so a new build is seen at once. */
export const REVALIDATE = 'no-cache';

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tandem</title></head>
<body><main><h1>The web app is not built</h1><p>Run <code>npm run build:web</code> (or <code>npm start</code>,
which builds it when needed), then reload. The API is at <a href="/api/docs">/api/docs</a>.</p></main></body></html>`;

interface Asset {
  body: Uint8Array<ArrayBuffer>;
  encodings: { br?: Uint8Array<ArrayBuffer>; gzip?: Uint8Array<ArrayBuffer> };
  type: string;
  mtimeMs: number;
}

function readIfFile(file: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return statSync(file).isFile() ? new Uint8Array(readFileSync(file)) : undefined;
  } catch {
    return undefined;
  }
}

function acceptsHtml(c: Context): boolean {
  const accept = c.req.header('Accept') ?? '';
  return accept.includes('text/html');
}

/**
 * Serves the built browser app (web/dist) for every path outside `/api`:
 * - files under `/assets/` (hashed names) with `Cache-Control: immutable`, as their precompressed
 *   `.br` or `.gz` copy when the client accepts it;
 * - every other GET that accepts HTML gets `index.html` (`no-cache`), so the app's own router
 *   handles `/check-in`, `/objectives/...` and the invitation page `/invitations#...`;
 * - anything else falls through to the JSON 404. `/api` is never shadowed.
 * The build is read from disk on first use and kept in memory; index.html is re-read when it changes.
 */
export function registerWebApp(app: Api, webDir: string): void {
  const root = path.resolve(webDir);
  const cache = new Map<string, Asset>();
  const load = (relative: string): Asset | undefined => {
    const file = path.resolve(root, `.${relative}`);
    if (file !== root && !file.startsWith(root + path.sep)) return undefined;
    const cached = cache.get(file);
    const mtimeMs = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    if (mtimeMs === undefined) return undefined;
    if (cached && cached.mtimeMs === mtimeMs) return cached;
    const body = readIfFile(file);
    if (!body) return undefined;
    const br = readIfFile(`${file}.br`);
    const gzip = readIfFile(`${file}.gz`);
    const asset: Asset = {
      body,
      encodings: { ...(br ? { br } : {}), ...(gzip ? { gzip } : {}) },
      type: TYPES[path.extname(file)] ?? 'application/octet-stream',
      mtimeMs,
    };
    cache.set(file, asset);
    return asset;
  };
  const send = (c: Context<AppEnv>, asset: Asset, cacheControl: string) => {
    const accepted = c.req.header('Accept-Encoding') ?? '';
    const encoding =
      asset.encodings.br && /\bbr\b/.test(accepted)
        ? 'br'
        : asset.encodings.gzip && /\bgzip\b/.test(accepted)
          ? 'gzip'
          : undefined;
    const body = encoding ? asset.encodings[encoding]! : asset.body;
    const headers: Record<string, string> = {
      'Content-Type': asset.type,
      'Cache-Control': cacheControl,
      Vary: 'Accept-Encoding',
    };
    if (encoding) headers['Content-Encoding'] = encoding;
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(body, 200, headers);
  };
  const handle = (c: Context<AppEnv>, next: () => Promise<void>) => {
    const pathname = c.req.path;
    if (pathname === '/api' || pathname.startsWith('/api/')) return next();
    if (pathname.includes('\0') || pathname.split('/').includes('..')) return next();
    if (pathname.startsWith('/assets/')) {
      const asset = load(pathname);
      return asset ? send(c, asset, IMMUTABLE) : next();
    }
    if (pathname !== '/' && pathname !== '/index.html') {
      const file = load(pathname);
      if (file && file.type !== 'text/html; charset=utf-8') return send(c, file, REVALIDATE);
    }
    if (!acceptsHtml(c)) return next();
    const index = load('/index.html');
    if (!index) return c.html(NOT_BUILT, 404, { 'Cache-Control': REVALIDATE });
    return send(c, index, REVALIDATE);
  };
  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    const answer = await handle(c, next);
    if (answer) return answer;
  });
}
