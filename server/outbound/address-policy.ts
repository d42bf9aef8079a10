import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Range = [Address, number];

/** A wrong entry of an allow list (`TANDEM_OUTBOUND_ALLOW`). */
export class AllowListError extends Error {
  override readonly name = 'AllowListError';
}

/** What IPv4 ranges other than public unicast are called in a refusal. */
const IPV4_NAMES: Record<string, string> = {
  unspecified: 'an unspecified address (0.0.0.0/8)',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address (169.254.0.0/16, where cloud metadata services answer)',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address (100.64.0.0/10)',
  private: 'a private address (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)',
};

/** What IPv6 ranges other than public unicast are called in a refusal. */
const IPV6_NAMES: Record<string, string> = {
  unspecified: 'the unspecified address (::)',
  linkLocal: 'a link-local address (fe80::/10)',
  multicast: 'a multicast address',
  loopback: 'the loopback address (::1)',
  uniqueLocal: 'a unique local (private) address (fc00::/7)',
  deprecatedSiteLocal: 'a site-local address (fec0::/10)',
  rfc6052: 'a NAT64 address (64:ff9b::/96), which reaches an IPv4 address',
  rfc6145: 'an IPv4-translated address',
  '6to4': 'a 6to4 address (2002::/16), which embeds an IPv4 address',
  teredo: 'a Teredo address (2001::/32), which embeds an IPv4 address',
};

const METADATA_V4 = '169.254.169.254';
/** Global unicast IPv6 (2000::/3); anything outside it is not a public address. */
const GLOBAL_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

/** Parses an address in any form `ipaddr.js` knows (including `0x7f000001`, `127.1`, `0177.0.0.1`). */
function parseAddress(text: string): Address | undefined {
  let bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (bare.includes(':')) {
    // The WHATWG URL parser writes IPv6 the way connections read it; ipaddr.js alone reads
    // `::127.0.0.1` as `::ffff:127.0.0.1`.
    try {
      bare = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
    } catch {
      return undefined;
    }
  }
  return ipaddr.isValid(bare) ? ipaddr.parse(bare) : undefined;
}

/**
 * Why an address is not a public one, or null when it is. IPv4 addresses carried inside IPv6
 * (mapped `::ffff:a.b.c.d`, compatible `::a.b.c.d`) are judged as the IPv4 address they reach.
 */
function classify(address: Address): string | null {
  if (address.kind() === 'ipv4') {
    const v4 = address as ipaddr.IPv4;
    const range = v4.range();
    if (range === 'unicast') return null;
    if (v4.toString() === METADATA_V4) return 'the cloud metadata address (link-local)';
    return IPV4_NAMES[range] ?? `a reserved address (${range})`;
  }
  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) {
    const inner = v6.toIPv4Address();
    const why = classify(inner);
    return why && `an IPv4-mapped address of ${inner.toString()}, ${why}`;
  }
  const range = v6.range();
  if (range === 'unicast' && v6.parts.slice(0, 6).every((p) => p === 0)) {
    const inner = ipaddr.IPv4.parse(
      `${v6.parts[6]! >> 8}.${v6.parts[6]! & 255}.${v6.parts[7]! >> 8}.${v6.parts[7]! & 255}`,
    );
    return `an IPv4-compatible address of ${inner.toString()} (::/96)`;
  }
  if (range === 'unicast') return v6.match(GLOBAL_V6) ? null : 'a reserved address (outside 2000::/3)';
  return IPV6_NAMES[range] ?? `a reserved address (${range})`;
}

/** The address an IPv4-in-IPv6 form reaches (`::ffff:a.b.c.d`), else the address itself. */
function unwrap(address: Address): Address {
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress())
    return (address as ipaddr.IPv6).toIPv4Address();
  return address;
}

/**
 * Parses an allow list: CIDR ranges or single addresses separated by commas (IPv4 in four-part
 * decimal), such as `127.0.0.0/8,::1/128,10.1.2.3`. Throws `AllowListError` naming the entry.
 *
 * @example
 * parseAllowList('127.0.0.0/8, ::1/128') // two ranges
 */
export function parseAllowList(text: string | undefined): Range[] {
  const ranges: Range[] = [];
  for (const raw of (text ?? '').split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address, bits] = entry.includes('/') ? entry.split('/', 2) : [entry, undefined];
    const isV4 = ipaddr.IPv4.isValidFourPartDecimal(address ?? '');
    if (!isV4 && !ipaddr.IPv6.isValid(address ?? ''))
      throw new AllowListError(`"${entry}" is not an IPv4 (a.b.c.d) or IPv6 address or CIDR range`);
    const max = isV4 ? 32 : 128;
    const prefix = bits === undefined ? max : Number(bits);
    if (!/^\d{1,3}$/.test(bits ?? String(max)) || prefix > max)
      throw new AllowListError(`"${entry}": the prefix length must be 0 to ${max}`);
    ranges.push([ipaddr.parse(address!), prefix]);
  }
  return ranges;
}

/**
 * Which addresses outgoing requests may reach: public unicast addresses, and the ranges an admin
 * allows. Everything else is refused: loopback, private (RFC 1918, fc00::/7), link-local and the
 * cloud metadata address, carrier-grade NAT, unspecified, broadcast, multicast, reserved and
 * documentation ranges, and IPv4 reached through IPv6 (mapped, compatible, NAT64, 6to4, Teredo).
 * Pure: no DNS, no I/O (see `OutboundGuard` for names).
 *
 * @example
 * new AddressPolicy().refusal('169.254.169.254') // 'the cloud metadata address (link-local)'
 * new AddressPolicy(parseAllowList('127.0.0.0/8')).refusal('127.0.0.1') // null
 */
export class AddressPolicy {
  constructor(readonly allowed: readonly Range[] = []) {}

  /** Whether a text is an IP address (in any form, brackets allowed), not a host name. */
  static isAddress(text: string): boolean {
    return parseAddress(text) !== undefined;
  }

  /**
   * Why an IP address may not be reached, or null when it may. Throws on text that is not an
   * address (check `isAddress` first for host names).
   */
  refusal(text: string): string | null {
    const parsed = parseAddress(text);
    if (!parsed) throw new Error(`not an IP address: ${text}`);
    const address = unwrap(parsed);
    for (const [base, bits] of this.allowed)
      if (base.kind() === address.kind() && address.match(base, bits)) return null;
    return classify(parsed);
  }
}
