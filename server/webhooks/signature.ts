import { Webhook } from 'standardwebhooks';

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com/): the signature is
 * `v1,` + base64(HMAC-SHA256(key, "<id>.<timestamp>.<body>")), where the key is the base64 after
 * `whsec_` and the timestamp is in seconds. Done by `standardwebhooks`, the reference
 * implementation by Svix, so receivers using any Standard Webhooks library can verify it.
 */

/** The headers of one signed attempt, for a message id, a moment (epoch ms) and the exact body. */
export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Signs a message for sending at `at` (epoch ms; the header is in whole seconds).
 *
 * @example
 * signMessage('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330000, '{"test": 2432232314}')
 * // { 'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=', ... }
 */
export function signMessage(secret: string, id: string, at: number, body: string): SignedHeaders {
  const seconds = Math.floor(at / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(seconds),
    'webhook-signature': new Webhook(secret).sign(id, new Date(seconds * 1000), body),
  };
}
