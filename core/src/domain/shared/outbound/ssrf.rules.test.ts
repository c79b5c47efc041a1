import { addressRange, checkUrlShape, isPublicAddress, parseAllowHosts, type OutboundPolicy } from './ssrf.rules';

const dev: OutboundPolicy = { production: false, allowHosts: new Set() };
const prod: OutboundPolicy = { production: true, allowHosts: new Set() };
const refusal = (url: string, policy = dev) => {
  const r = checkUrlShape(url, policy);
  return r.ok ? null : r.reason;
};

describe('address classes', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['fd00::1', 'uniqueLocal'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'linkLocal'],
    ['::ffff:10.0.0.1', 'private'],
  ])('refuses %s (%s)', (address, range) => {
    expect(addressRange(address)).toBe(range);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows public unicast %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('refuses addresses that embed another one (NAT64, 6to4) and anything that is not an address', () => {
    expect(isPublicAddress('64:ff9b::7f00:1')).toBe(false);
    expect(isPublicAddress('2002:7f00:1::1')).toBe(false);
    expect(isPublicAddress('not-an-ip')).toBe(false);
  });
});

describe('URL shape', () => {
  it.each([
    'http://2130706433/',
    'http://0x7f.1/',
    'http://0x7f000001/',
    'http://017700000001/',
    'http://127.1/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://169.254.169.254/latest',
    'http://10.0.0.1/',
    'http://0.0.0.0/',
  ])('refuses the internal address behind %s, however it is spelled', (url) => {
    expect(refusal(url)).toBe('ADDRESS');
  });

  it('allows a public address or a host name (resolved later) on the web ports', () => {
    expect(checkUrlShape('https://93.184.215.14/hook', dev)).toMatchObject({ ok: true, port: 443, ipLiteral: true, allowListed: false });
    expect(checkUrlShape('http://crm.example.com/hook', dev)).toMatchObject({ ok: true, port: 80, ipLiteral: false });
    expect(checkUrlShape('https://crm.example.com:443/hook', prod)).toMatchObject({ ok: true });
  });

  it('refuses other schemes, credentials, other ports, and plain http in production', () => {
    expect(refusal('ftp://crm.example.com/')).toBe('SCHEME');
    expect(refusal('file:///etc/passwd')).toBe('SCHEME');
    expect(refusal('http://crm.example.com/', prod)).toBe('SCHEME');
    expect(refusal('https://user:pass@crm.example.com/')).toBe('CREDENTIALS');
    expect(refusal('https://crm.example.com:6379/')).toBe('PORT');
    expect(refusal('http://93.184.215.14:8080/')).toBe('PORT');
    expect(refusal('not a url')).toBe('INVALID_URL');
  });

  it('lets an allow-listed host:port through, and only that port', () => {
    const policy: OutboundPolicy = { production: false, allowHosts: parseAllowHosts(' 127.0.0.1:5055 , [::1]:8080,bad-entry,Localhost:9000') };
    expect([...policy.allowHosts].sort()).toEqual(['127.0.0.1:5055', '[::1]:8080', 'localhost:9000']);
    expect(checkUrlShape('http://127.0.0.1:5055/hook', policy)).toMatchObject({ ok: true, allowListed: true });
    expect(checkUrlShape('http://[::1]:8080/', policy)).toMatchObject({ ok: true, allowListed: true });
    expect(checkUrlShape('http://LOCALHOST:9000/', policy)).toMatchObject({ ok: true, allowListed: true });
    expect(refusal('http://127.0.0.1:5056/', policy)).toBe('PORT');
    expect(refusal('http://127.0.0.1/', policy)).toBe('ADDRESS');
  });

  it('parses an empty allow-list as nothing allowed', () => {
    expect(parseAllowHosts('').size).toBe(0);
  });
});
