import { describe, expect, it } from 'vitest';
import { AddressPolicy, AllowListError, parseAllowList } from './address-policy';
import { OutboundGuard, type Resolver } from './guard';

const strict = new AddressPolicy();

/** Every address form the guard must refuse by default, and what the refusal says. */
const REFUSED: [string, RegExp][] = [
  ['127.0.0.1', /loopback/],
  ['127.255.255.254', /loopback/],
  ['10.0.0.1', /private/],
  ['172.16.0.1', /private/],
  ['172.31.255.255', /private/],
  ['192.168.1.1', /private/],
  ['169.254.169.254', /metadata/],
  ['169.254.1.1', /link-local/],
  ['100.64.0.1', /carrier-grade NAT/],
  ['100.100.100.200', /carrier-grade NAT/],
  ['0.0.0.0', /unspecified/],
  ['0.1.2.3', /unspecified/],
  ['255.255.255.255', /broadcast/],
  ['224.0.0.1', /multicast/],
  ['239.255.255.250', /multicast/],
  ['192.0.2.1', /reserved/],
  ['198.18.0.1', /reserved/],
  ['240.0.0.1', /reserved/],
  // Odd IPv4 forms, all 127.0.0.1.
  ['0x7f000001', /loopback/],
  ['2130706433', /loopback/],
  ['127.1', /loopback/],
  ['0177.0.0.1', /loopback/],
  ['0x7f.0.0.1', /loopback/],
  // IPv6.
  ['::1', /loopback/],
  ['[::1]', /loopback/],
  ['::', /unspecified/],
  ['fe80::1', /link-local/],
  ['fd00::1', /unique local/],
  ['fd00:ec2::254', /unique local/],
  ['fc00::1', /unique local/],
  ['fec0::1', /site-local/],
  ['ff02::1', /multicast/],
  ['2001:db8::1', /reserved/],
  ['100::1', /reserved/],
  // IPv4 through IPv6.
  ['::ffff:127.0.0.1', /IPv4-mapped address of 127\.0\.0\.1, a loopback/],
  ['::ffff:7f00:1', /IPv4-mapped.*loopback/],
  ['::ffff:169.254.169.254', /IPv4-mapped.*metadata/],
  ['::ffff:a9fe:a9fe', /IPv4-mapped.*metadata/],
  ['::ffff:10.0.0.1', /IPv4-mapped.*private/],
  ['::127.0.0.1', /IPv4-compatible address of 127\.0\.0\.1/],
  ['::7f00:1', /IPv4-compatible/],
  ['::8.8.8.8', /IPv4-compatible/],
  ['64:ff9b::7f00:1', /NAT64/],
  ['64:ff9b::8.8.8.8', /NAT64/],
  ['64:ff9b:1::1', /NAT64/],
  ['::ffff:0:7f00:1', /IPv4-translated/],
  ['2002:7f00:1::1', /6to4/],
  ['2001::1', /Teredo/],
];

const PUBLIC = [
  '8.8.8.8',
  '1.1.1.1',
  '93.184.215.14',
  '172.32.0.1',
  '100.128.0.1',
  '2606:4700::1111',
  '2a00:1450::1',
  '::ffff:8.8.8.8',
];

describe('the address policy', () => {
  it.each(REFUSED)('refuses %s', (address, why) => {
    expect(strict.refusal(address)).toMatch(why);
  });

  it.each(PUBLIC)('allows the public address %s', (address) => {
    expect(strict.refusal(address)).toBeNull();
  });

  it('allows exactly the ranges an admin lists, IPv4-mapped forms included', () => {
    const policy = new AddressPolicy(parseAllowList('127.0.0.0/8, ::1/128,10.1.2.3'));
    for (const address of ['127.0.0.1', '127.1', '0x7f000001', '::1', '::ffff:127.0.0.1', '10.1.2.3'])
      expect(policy.refusal(address), address).toBeNull();
    for (const address of ['10.1.2.4', '192.168.0.1', '169.254.169.254', '::2', 'fd00::1'])
      expect(policy.refusal(address), address).not.toBeNull();
  });

  it.each([
    ['127.0.0.0/33', /prefix length must be 0 to 32/],
    ['::1/129', /prefix length must be 0 to 128/],
    ['127.0.0.0/x', /prefix length/],
    ['localhost', /not an IPv4/],
    ['0x7f000001/32', /not an IPv4/],
    ['127.1/8', /not an IPv4/],
  ])('refuses the allow list entry %s', (entry, why) => {
    expect(() => parseAllowList(`127.0.0.0/8,${entry}`)).toThrow(AllowListError);
    expect(() => parseAllowList(entry)).toThrow(why);
  });

  it('reads an empty allow list as none', () => {
    expect(parseAllowList('')).toEqual([]);
    expect(parseAllowList(undefined)).toEqual([]);
    expect(parseAllowList(' , ')).toEqual([]);
  });
});

describe('the outbound guard on URLs', () => {
  const names: Record<string, string[]> = {
    'hooks.example.com': ['93.184.215.14'],
    'metadata.internal': ['169.254.169.254'],
    'intranet.example.com': ['10.0.0.5'],
    'mixed.example.com': ['93.184.215.14', '127.0.0.1'],
    'v6.example.com': ['::ffff:7f00:1'],
  };
  const resolve: Resolver = async (host) => {
    const found = names[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  const guard = new OutboundGuard({ resolve });

  it.each([
    ['http://127.0.0.1/', /127\.0\.0\.1 is a loopback/],
    ['http://[::1]/', /::1 is the loopback/],
    ['http://0x7f000001/', /127\.0\.0\.1 is a loopback/],
    ['http://2130706433/', /127\.0\.0\.1 is a loopback/],
    ['http://127.1/', /loopback/],
    ['http://0177.0.0.1/', /loopback/],
    ['http://169.254.169.254/latest/meta-data/', /metadata/],
    ['http://[::ffff:169.254.169.254]/', /IPv4-mapped.*metadata/],
    ['http://10.0.0.1/', /private/],
    ['http://[fd00::1]/', /unique local/],
    ['http://[64:ff9b::a9fe:a9fe]/', /NAT64/],
    ['http://0.0.0.0:8080/', /unspecified/],
    ['https://metadata.internal/', /metadata\.internal resolves to 169\.254\.169\.254, the cloud metadata/],
    ['https://intranet.example.com/hook', /resolves to 10\.0\.0\.5, a private/],
    ['https://mixed.example.com/', /resolves to 127\.0\.0\.1/],
    ['https://v6.example.com/', /IPv4-mapped/],
  ])('refuses %s', async (url, why) => {
    expect(await guard.checkTarget(url)).toMatch(why);
    await expect(guard.resolve(new URL(url))).rejects.toThrow(why);
  });

  it('accepts public targets, and names that do not resolve yet (sending decides)', async () => {
    expect(await guard.checkTarget('https://hooks.example.com/in')).toBeNull();
    expect(await guard.checkTarget('https://8.8.8.8/')).toBeNull();
    expect(await guard.checkTarget('https://not-yet.example.com/')).toBeNull();
    await expect(guard.resolve(new URL('https://not-yet.example.com/'))).rejects.toThrow(
      /does not resolve \(ENOTFOUND\)/,
    );
  });

  it('refuses localhost names whatever a resolver says (RFC 6761), unless loopback is allowed', async () => {
    const liar = new OutboundGuard({ resolve: async () => [{ address: '93.184.215.14', family: 4 }] });
    for (const url of ['http://localhost:9/', 'http://LOCALHOST./', 'http://api.localhost/'])
      expect(await liar.checkTarget(url), url).toMatch(/is a loopback address/);
    const allowed = new OutboundGuard({ allow: '127.0.0.0/8,::1/128' });
    expect(await allowed.checkTarget('http://localhost:9/')).toBeNull();
    expect(await new OutboundGuard().checkTarget('http://localhost:9/')).toMatch(/loopback/);
  });
});
