import { promises as dns } from 'node:dns';
import { AddressPolicy, parseAllowList } from './address-policy';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (default: the system resolver, as connections do). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** An outgoing request refused because of where it would go; `message` is safe to show and log. */
export class OutboundRefusedError extends Error {
  override readonly name = 'OutboundRefusedError';

  /** `address`: the target is (or resolves to) a refused address; `unresolved`: the name has no address. */
  constructor(
    message: string,
    readonly reason: 'address' | 'unresolved' = 'address',
  ) {
    super(message);
  }
}

const systemResolver: Resolver = async (hostname) =>
  (await dns.lookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/** Options of a guard. */
export interface OutboundGuardOptions {
  /** Ranges an admin allows besides public addresses (`TANDEM_OUTBOUND_ALLOW`), e.g. `127.0.0.0/8,::1/128`. */
  allow?: string;
  resolve?: Resolver;
  /** Longest wait for a name to resolve when a target is registered (default 5 s). */
  resolveTimeoutMs?: number;
}

const ALLOW_HINT = 'set TANDEM_OUTBOUND_ALLOW to allow a range';

/**
 * The guard of every outgoing request Tandem makes on an admin's behalf (webhooks today, chat
 * webhooks next): a target must be a public address, or in a range the admin allows. It judges a
 * URL when it is registered (`checkTarget`: IP literals in any form, and names that resolve to a
 * refused address) and again at send time (`resolve`: after DNS, every address of the name must
 * pass; the request then connects to the address checked, so a name that is re-pointed between
 * the check and the connection cannot swap it). Redirects are never followed by its requests.
 *
 * @example
 * const guard = new OutboundGuard({ allow: '127.0.0.0/8,::1/128' });
 * await guard.checkTarget('http://10.0.0.1/') // 'http://10.0.0.1/ is a private address ...'
 */
export class OutboundGuard {
  readonly policy: AddressPolicy;
  readonly #resolve: Resolver;
  readonly #resolveTimeoutMs: number;

  /** Throws `AllowListError` on a wrong allow list. */
  constructor(options: OutboundGuardOptions = {}) {
    this.policy = new AddressPolicy(parseAllowList(options.allow));
    this.#resolve = options.resolve ?? systemResolver;
    this.#resolveTimeoutMs = options.resolveTimeoutMs ?? 5000;
  }

  /**
   * Why a URL may not be registered as a target, or null when it may: its host is a refused IP
   * address, or a name resolving to one. A name that does not resolve (yet) is accepted: the
   * check at send time decides then.
   */
  async checkTarget(url: string): Promise<string | null> {
    const target = new URL(url);
    try {
      await this.resolve(target, AbortSignal.timeout(this.#resolveTimeoutMs));
      return null;
    } catch (error) {
      // A name without an address (yet), or a resolver that is slow: the send decides.
      return error instanceof OutboundRefusedError && error.reason === 'address' ? error.message : null;
    }
  }

  /**
   * The checked addresses of a URL's host (the literal itself for an IP address). Throws
   * `OutboundRefusedError` when any address is refused or the name does not resolve.
   */
  async resolve(url: URL, signal?: AbortSignal): Promise<ResolvedAddress[]> {
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    if (AddressPolicy.isAddress(host)) {
      const why = this.policy.refusal(host);
      if (why) throw new OutboundRefusedError(`${host} is ${why}; ${ALLOW_HINT}`);
      return [{ address: host, family: host.includes(':') ? 6 : 4 }];
    }
    // RFC 6761: `localhost` and `*.localhost` are loopback whatever a resolver says of them.
    const name = host.toLowerCase().replace(/\.$/, '');
    const loopbackWhy = this.policy.refusal('127.0.0.1');
    if ((name === 'localhost' || name.endsWith('.localhost')) && loopbackWhy)
      throw new OutboundRefusedError(`${host} is ${loopbackWhy}; ${ALLOW_HINT}`);
    const addresses = await this.#lookup(host, signal);
    if (addresses.length === 0) throw new OutboundRefusedError(`${host} does not resolve`, 'unresolved');
    for (const { address } of addresses) {
      const why = this.policy.refusal(address);
      if (why) throw new OutboundRefusedError(`${host} resolves to ${address}, ${why}; ${ALLOW_HINT}`);
    }
    return addresses;
  }

  async #lookup(host: string, signal?: AbortSignal): Promise<ResolvedAddress[]> {
    const lookup = this.#resolve(host).catch((error: { code?: string }) => {
      const code = typeof error.code === 'string' ? error.code : 'failed';
      throw new OutboundRefusedError(`${host} does not resolve (${code})`, 'unresolved');
    });
    if (!signal) return lookup;
    signal.throwIfAborted();
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([lookup, aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort!);
    }
  }
}
