import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { verifyStandardWebhook } from '../test/webhook-receiver';
import { signMessage } from './signature';

describe('Standard Webhooks signature', () => {
  it("matches the spec's test vector", () => {
    const headers = signMessage(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330_000,
      '{"test": 2432232314}',
    );
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('verifies with the reference library and with node:crypto; a changed body does not', () => {
    const secret = `whsec_${Buffer.from('0123456789abcdef01234567').toString('base64')}`;
    const body = '{"type":"key_result.checked_in"}';
    const headers = signMessage(secret, 'id-1', Date.now(), body);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual({ type: 'key_result.checked_in' });
    expect(verifyStandardWebhook(secret, { path: '/', headers: { ...headers }, body })).toBe(true);
    expect(verifyStandardWebhook(secret, { path: '/', headers: { ...headers }, body: `${body} ` })).toBe(
      false,
    );
    expect(() => new Webhook(secret).verify(`${body} `, { ...headers })).toThrow();
  });
});
