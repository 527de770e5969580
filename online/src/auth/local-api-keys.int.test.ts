import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../testing/manual-clock.js';
import { hashApiKey } from './api-key.js';
import { readApiKeyFile } from './api-key-file.js';
import { createApiKeyStore } from './api-key-store.js';
import { ensureLocalApiKeys } from './local-api-keys.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

function keysFile(): string {
  const home = mkdtempSync(path.join(tmpdir(), 'keys-'));
  dirs.push(home);
  return path.join(home, 'secrets', 'api-keys.json');
}

const clock = createManualClock();

describe('ensureLocalApiKeys', () => {
  it('creates one key per role; api-keys.json holds only hashes; both files are 0600', async () => {
    const file = keysFile();
    const local = await ensureLocalApiKeys({ keysFile: file, clock });
    expect(local.created).toEqual(['clinician', 'data-scientist', 'admin']);
    const stored = readFileSync(file, 'utf8');
    for (const key of Object.values(local.keys)) {
      expect(key).toMatch(/^mak_/);
      expect(stored).not.toContain(key);
      expect(stored).toContain(hashApiKey(key));
    }
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(local.credentialsFile).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);

    const store = createApiKeyStore({ entries: await readApiKeyFile(file), clock });
    expect(store.verify(local.keys['data-scientist'])).toMatchObject({
      subject: 'local-data-scientist',
      roles: ['data-scientist'],
    });
  });

  it('is idempotent: a second call loads the same keys and writes nothing', async () => {
    const file = keysFile();
    const first = await ensureLocalApiKeys({ keysFile: file, clock });
    const before = readFileSync(file, 'utf8');
    const second = await ensureLocalApiKeys({ keysFile: file, clock });
    expect(second.keys).toEqual(first.keys);
    expect(second.created).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('keeps operator-managed entries and re-creates a local key whose hash was removed', async () => {
    const file = keysFile();
    mkdirSync(path.dirname(file), { recursive: true });
    const ehr = { id: 'ehr-1', subject: 'ehr-1', roles: ['clinician'], sha256: hashApiKey('x') };
    writeFileSync(file, JSON.stringify({ keys: [ehr] }), { mode: 0o644 });
    const first = await ensureLocalApiKeys({ keysFile: file, clock });
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const entries = await readApiKeyFile(file);
    writeFileSync(file, JSON.stringify({ keys: entries.filter((e) => e.id !== 'local-admin') }));
    const second = await ensureLocalApiKeys({ keysFile: file, clock });
    expect(second.created).toEqual(['admin']);
    expect(second.keys.clinician).toBe(first.keys.clinician);
    expect(second.keys.admin).not.toBe(first.keys.admin);
    expect((await readApiKeyFile(file)).map((e) => e.id).sort()).toEqual([
      'ehr-1',
      'local-admin',
      'local-clinician',
      'local-data-scientist',
    ]);
  });

  it('refuses a corrupt key file with CONFIG_INVALID, without quoting it', async () => {
    const file = keysFile();
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '{"keys": [ mak_secret-looking');
    await expect(ensureLocalApiKeys({ keysFile: file, clock })).rejects.toSatisfy(
      (error: Error) =>
        (error as { code?: string }).code === 'CONFIG_INVALID' &&
        !JSON.stringify({ m: error.message, c: String(error.cause) }).includes('mak_secret'),
    );
  });
});
