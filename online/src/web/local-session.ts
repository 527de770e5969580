/**
 * Local development convenience: the web app may pre-fill the launcher's local clinician key. It is
 * handed out only when every one of these holds, so it never leaves the machine:
 *   - main.ts enabled it (LOCAL_DEV_KEYS and WEB_LOCAL_KEY both true; set either false in production);
 *   - the TCP peer is a loopback address (not a header a client could forge);
 *   - the Host header names loopback (`localhost`, `127.0.0.1`, `[::1]`), which defeats DNS rebinding;
 *   - the browser says the request is same-origin (`Sec-Fetch-Site`), so no other page can trigger it.
 */

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface LocalRequestFacts {
  /** The socket's remote address; undefined when unknown (in-process requests). */
  remoteAddress: string | undefined;
  host: string | undefined;
  secFetchSite: string | undefined;
}

export function isLoopbackAddress(address: string): boolean {
  return (
    address === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address) ||
    /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i.test(address)
  );
}

/** `localhost:3000` → `localhost`; `[::1]:3000` → `[::1]`. */
export function hostName(host: string): string {
  const bracketed = /^(\[[^\]]+\])(?::\d+)?$/.exec(host);
  if (bracketed?.[1] !== undefined) {
    return bracketed[1].toLowerCase();
  }
  return (host.split(':')[0] ?? '').toLowerCase();
}

export function isLocalBrowserRequest(facts: LocalRequestFacts): boolean {
  const { remoteAddress, host, secFetchSite } = facts;
  return (
    remoteAddress !== undefined &&
    isLoopbackAddress(remoteAddress) &&
    host !== undefined &&
    LOOPBACK_HOSTS.has(hostName(host)) &&
    secFetchSite === 'same-origin'
  );
}
