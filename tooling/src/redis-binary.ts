/** Finds Debian's redis-server, installing the package when running as root and it is missing. */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

const SEARCH_DIRS = ['/usr/bin', '/usr/local/bin', '/usr/sbin'];

export function findRedisServer(): string | undefined {
  const dirs = [...(process.env['PATH'] ?? '').split(path.delimiter), ...SEARCH_DIRS];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = path.join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

const HOW_TO_INSTALL =
  'redis-server is not installed. Install it with `sudo apt-get install -y redis-server` ' +
  '(Debian/Ubuntu), or set REDIS_URL to a Redis you already run (maxmemory-policy noeviction).';

/** Returns the redis-server path; installs Debian's package first when root and allowed. */
export function ensureRedisServer(options: { install?: boolean } = {}): string {
  const { install = true } = options;
  const found = findRedisServer();
  if (found) {
    return found;
  }
  const isRoot = process.getuid?.() === 0;
  if (!install || !isRoot) {
    throw new Error(HOW_TO_INSTALL);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  process.stderr.write('Installing Debian package redis-server (one-time)…\n');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'redis-server'], {
    stdio: 'inherit',
    env,
  });
  const installed = findRedisServer();
  if (!installed) {
    throw new Error(HOW_TO_INSTALL);
  }
  return installed;
}
