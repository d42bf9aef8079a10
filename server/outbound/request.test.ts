import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebhookReceiver } from '../test/webhook-receiver';
import { OutboundGuard, OutboundRefusedError, type Resolver } from './guard';
import { postGuarded } from './request';

/** Guarded requests against a real HTTP server on loopback. */
describe('guarded outgoing requests', () => {
  const receiver = new WebhookReceiver();
  let port: string;
  beforeAll(async () => {
    port = new URL(await receiver.start()).port;
  });
  afterEach(() => {
    receiver.requests.length = 0;
    receiver.replies.length = 0;
  });
  afterAll(() => receiver.stop());

  const request = {
    headers: { 'content-type': 'application/json' },
    body: '{"hello":"world"}',
    timeoutMs: 2000,
  };
  const loopback = new OutboundGuard({ allow: '127.0.0.0/8,::1/128' });

  it('refuses loopback by default without connecting', async () => {
    const error = await postGuarded(new OutboundGuard(), `http://127.0.0.1:${port}/in`, request).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(OutboundRefusedError);
    expect(error.message).toMatch(/127\.0\.0\.1 is a loopback address; set TANDEM_OUTBOUND_ALLOW/);
    const odd = await postGuarded(new OutboundGuard(), `http://0x7f000001:${port}/in`, request).catch(
      (e) => e,
    );
    expect(odd).toBeInstanceOf(OutboundRefusedError);
    expect(receiver.requests).toHaveLength(0);
  });

  it('sends to loopback when the admin allows it, and reads the status only', async () => {
    receiver.replies.push({ status: 201, body: 'created' });
    expect(await postGuarded(loopback, `http://127.0.0.1:${port}/in`, request)).toEqual({ status: 201 });
    expect(receiver.requests[0]).toMatchObject({ path: '/in', body: '{"hello":"world"}' });
  });

  it('connects to the address it checked, not to what DNS says later', async () => {
    // `hooks.tandem.test` exists in no DNS: the connection can only reach the receiver through
    // the address the guard resolved and checked.
    let calls = 0;
    const resolve: Resolver = async () => {
      calls++;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const guard = new OutboundGuard({ allow: '127.0.0.0/8', resolve });
    expect(await postGuarded(guard, `http://hooks.tandem.test:${port}/named`, request)).toEqual({
      status: 200,
    });
    expect(calls).toBe(1);
    expect(receiver.requests[0]?.headers.host).toBe(`hooks.tandem.test:${port}`);
  });

  it('catches a name re-pointed at loopback after it was registered (DNS rebinding)', async () => {
    const answers = ['93.184.215.14', '127.0.0.1'];
    const resolve: Resolver = async () => [{ address: answers.shift() ?? '127.0.0.1', family: 4 }];
    const guard = new OutboundGuard({ resolve });
    const url = `http://rebind.tandem.test:${port}/x`;
    expect(await guard.checkTarget(url)).toBeNull();
    await expect(postGuarded(guard, url, request)).rejects.toThrow(
      /resolves to 127\.0\.0\.1, a loopback address/,
    );
    expect(receiver.requests).toHaveLength(0);
  });

  it('does not follow redirects', async () => {
    receiver.replies.push({ status: 302, headers: { location: `http://127.0.0.1:${port}/elsewhere` } });
    expect(await postGuarded(loopback, `http://127.0.0.1:${port}/moved`, request)).toEqual({ status: 302 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.requests.map((r) => r.path)).toEqual(['/moved']);
  });

  it('gives up after the timeout', async () => {
    receiver.replies.push({ status: 200, isHung: true });
    const error = await postGuarded(loopback, `http://127.0.0.1:${port}/slow`, {
      ...request,
      timeoutMs: 200,
    }).catch((e) => e);
    expect(['AbortError', 'TimeoutError']).toContain(error.name);
  });
});
