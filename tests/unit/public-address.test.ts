import { describe, expect, it } from 'vitest';
import { addressFor, lanAddresses, publicUrlFrom } from '../../server/http/public-address.ts';

const LAN = ['192.168.1.20', '10.0.0.7'];

describe('the address students are told', () => {
  it.each([
    ['PUBLIC_URL wins over everything', { publicUrl: 'https://bargain.school.edu', requested: { protocol: 'http', host: 'localhost:2567' }, lan: LAN }, { joinBase: 'https://bargain.school.edu', others: [], source: 'configured' }],
    ['a browser on localhost gets the first network address', { publicUrl: undefined, requested: { protocol: 'http', host: 'localhost:2567' }, lan: LAN }, { joinBase: 'http://192.168.1.20:2567', others: ['http://10.0.0.7:2567'], source: 'lan' }],
    ['127.0.0.1 is loopback too', { publicUrl: undefined, requested: { protocol: 'http', host: '127.0.0.1:2567' }, lan: LAN }, { joinBase: 'http://192.168.1.20:2567', others: ['http://10.0.0.7:2567'], source: 'lan' }],
    ['[::1] is loopback too', { publicUrl: undefined, requested: { protocol: 'http', host: '[::1]:2567' }, lan: ['10.0.0.7'] }, { joinBase: 'http://10.0.0.7:2567', others: [], source: 'lan' }],
    ['a browser that came by a network address keeps it', { publicUrl: undefined, requested: { protocol: 'http', host: '10.0.0.7:2567' }, lan: LAN }, { joinBase: 'http://10.0.0.7:2567', others: ['http://192.168.1.20:2567'], source: 'request' }],
    ['a host name the browser used is kept', { publicUrl: undefined, requested: { protocol: 'http', host: 'lab-pc.local:2567' }, lan: LAN }, { joinBase: 'http://lab-pc.local:2567', others: LAN.map((ip) => `http://${ip}:2567`), source: 'request' }],
    ['no network at all leaves localhost, marked local', { publicUrl: undefined, requested: { protocol: 'http', host: 'localhost:2567' }, lan: [] }, { joinBase: 'http://localhost:2567', others: [], source: 'local' }],
    ['a Host header with a path is not handed out', { publicUrl: undefined, requested: { protocol: 'http', host: 'evil.example/phish' }, lan: ['10.0.0.7'] }, { joinBase: 'http://10.0.0.7:2567', others: [], source: 'lan' }],
  ])('%s', (_what, facts, expected) => {
    expect(addressFor({ ...facts, port: 2567 })).toEqual(expected);
  });

  it('lists only IPv4 addresses other devices can reach', () => {
    const v4 = (address: string, internal: boolean) => ({ address, family: 'IPv4' as const, internal, netmask: '', mac: '', cidr: null });
    const v6 = (address: string, internal: boolean) => ({ address, family: 'IPv6' as const, internal, netmask: '', mac: '', cidr: null, scopeid: 0 });
    expect(
      lanAddresses({
        lo: [v4('127.0.0.1', true), v6('::1', true)],
        eth0: [v4('192.168.1.20', false), v6('fe80::1', false)],
        wlan0: [v4('10.0.0.7', false)],
      }),
    ).toEqual(['192.168.1.20', '10.0.0.7']);
  });
});

describe('PUBLIC_URL', () => {
  it.each([
    [undefined, undefined],
    ['  ', undefined],
    ['https://bargain.school.edu/', 'https://bargain.school.edu'],
    ['http://10.0.0.5:2567', 'http://10.0.0.5:2567'],
    ['https://school.edu/bargain/', 'https://school.edu/bargain'],
  ])('%j is read as %j', (value, expected) => {
    expect(publicUrlFrom(value)).toBe(expected);
  });

  it.each(['bargain.school.edu', 'ftp://school.edu', 'https://school.edu/?a=1', 'https://school.edu/#x', 'not a url'])('refuses %j with the reason', (value) => {
    expect(() => publicUrlFrom(value)).toThrow(/PUBLIC_URL/);
  });
});
