import { OpenAPIHono } from '@hono/zod-openapi';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES } from '../../core/errors';
import type { AppEnv } from './env';
import { onError, STATUS_OF } from './errors';
import { requestContext } from './middleware';

function appThrowing(error: unknown) {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  const app = new OpenAPIHono<AppEnv>();
  app.onError(onError);
  app.use(
    '*',
    requestContext(logger, () => 'test'),
  );
  app.get('/boom', () => {
    throw error;
  });
  return { app, lines };
}

describe('the one error handler', () => {
  it('maps every code of the closed set to its status, with the envelope', async () => {
    for (const code of ERROR_CODES) {
      const { app } = appThrowing(new AppError(code, `a ${code} error`, { id: 'x' }));
      const res = await app.request('/boom');
      expect(res.status).toBe(STATUS_OF[code]);
      const body = (await res.json()) as { error: Record<string, unknown> };
      expect(body.error).toEqual({
        code,
        message: `a ${code} error`,
        details: { id: 'x' },
        requestId: res.headers.get('x-request-id'),
      });
    }
  });

  it('answers an unexpected error as internal without echoing its message or stack, and logs it with the request id', async () => {
    const { app, lines } = appThrowing(new Error('connection to postgres://admin:hunter2@db failed'));
    const res = await app.request('/boom');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('at ');
    expect(JSON.parse(text).error.code).toBe('internal');
    const logged = lines.map((l) => JSON.parse(l) as { requestId?: string; err?: { stack?: string } });
    const failure = logged.find((l) => l.err);
    expect(failure?.requestId).toBe(res.headers.get('x-request-id'));
    expect(failure?.err?.stack).toEqual(expect.any(String));
  });
});
