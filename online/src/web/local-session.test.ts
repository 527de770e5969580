import { describe, expect, it } from 'vitest';
import { hostName, isLocalBrowserRequest, isLoopbackAddress } from './local-session.js';

describe('isLoopbackAddress', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])('accepts %s', (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });
  it.each(['10.0.0.1', '192.168.1.2', '::ffff:10.0.0.1', '1127.0.0.1', 'localhost'])(
    'refuses %s',
    (address) => {
      expect(isLoopbackAddress(address)).toBe(false);
    },
  );
});

describe('hostName', () => {
  it('drops the port and keeps IPv6 brackets', () => {
    expect(hostName('LocalHost:3000')).toBe('localhost');
    expect(hostName('[::1]:3000')).toBe('[::1]');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
  });
});

describe('isLocalBrowserRequest', () => {
  const local = { remoteAddress: '127.0.0.1', host: '127.0.0.1:3000', secFetchSite: 'same-origin' };
  it('needs a loopback peer, a loopback Host and a same-origin fetch', () => {
    expect(isLocalBrowserRequest(local)).toBe(true);
    expect(isLocalBrowserRequest({ ...local, host: 'localhost.evil.example:3000' })).toBe(false);
    expect(isLocalBrowserRequest({ ...local, host: undefined })).toBe(false);
    expect(isLocalBrowserRequest({ ...local, secFetchSite: 'same-site' })).toBe(false);
    expect(isLocalBrowserRequest({ ...local, remoteAddress: undefined })).toBe(false);
  });
});
