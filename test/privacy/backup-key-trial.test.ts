import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, openAsBlob, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { buildApp } from '../../src/app/build-app.ts';
import { resolveLinkSecret } from '../../src/core/location-links/link-secret.ts';
import { connectDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { restoreBackup } from '../../src/db/backup/embedded-backup.ts';
import { isLegworkFile } from '../../src/db/backup/database-files-only.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { testStart } from '../support/test-app.ts';
import { onRealPostgres } from '../support/test-database.ts';

/**
 * Defects found trying issue 16 end to end (task h16): backups carried the encryption key, the run
 * file and the daily copies; rotating the generated key file as the README says left a key file that
 * no longer opened the database; a restore without its key file generated a new, wrong one.
 */
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `legwork-${name}-`));
const tarList = (archive: string) => execFileSync('tar', ['tzf', archive], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').filter(Boolean);

describe.skipIf(onRealPostgres)('a backup holds the database alone', () => {
  it('leaves out encryption.key, legwork.run and DATA_DIR/backups; restores such an older backup without them', { timeout: 300_000 }, async () => {
    const dataDir = tmp('files');
    const handle = await connectDatabase({ dataDir });
    try {
      writeFileSync(join(dataDir, 'encryption.key'), `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
      writeFileSync(join(dataDir, 'legwork.run'), JSON.stringify({ pid: process.pid, port: 1, backupToken: 'secret-token' }), { mode: 0o600 });
      mkdirSync(join(dataDir, 'backups'));
      writeFileSync(join(dataDir, 'backups', 'legwork-2026-11-26.tar.gz'), 'yesterday');

      const file = join(tmp('out'), 'b.tar.gz');
      writeFileSync(file, new Uint8Array(await (await handle.dumpDataDir!()).arrayBuffer()));
      const names = tarList(file).map((n) => n.replace(/^\/+/, ''));
      expect(names).toContain('PG_VERSION');
      expect(names.some((n) => n.startsWith('base/'))).toBe(true);
      expect(names.filter(isLegworkFile)).toEqual([]);
      expect(names).not.toContain('encryption.key');
      expect(names).not.toContain('legwork.run');
    } finally {
      await handle.close();
    }
    // A backup made before this fix (the whole DATA_DIR, key included) restores the database only.
    const old = join(tmp('old'), 'old.tar.gz');
    execFileSync('tar', ['czf', old, '-C', dataDir, '.']);
    expect(tarList(old).some((n) => n.endsWith('encryption.key'))).toBe(true);
    const restored = tmp('restored');
    await restoreBackup(await openAsBlob(old), restored);
    expect(existsSync(join(restored, 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(restored, 'encryption.key'))).toBe(false);
    expect(existsSync(join(restored, 'legwork.run'))).toBe(false);
    expect(existsSync(join(restored, 'backups'))).toBe(false);
  });
});

describe('the data key file', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });
  async function start(env: Record<string, string>) {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
    const app = await buildApp(config, { logger: createLogger('silent'), clock: new ManualClock(testStart), database });
    await app.stop();
    return app;
  }

  it('rotates as the README says (DATA_ENCRYPTION_KEY_PREVIOUS = the file, the new key in DATA_ENCRYPTION_KEY), then starts on the file alone', async () => {
    await database.db.deleteFrom('settings').execute();
    const dataDir = tmp('rotate');
    const first = await start({ DATA_DIR: dataDir });
    const secret = await resolveLinkSecret(database.db, first.dataKey);
    const file = join(dataDir, 'encryption.key');
    const oldKey = readFileSync(file, 'utf8').trim();
    const newKey = randomBytes(32).toString('base64');

    const rotated = await start({ DATA_DIR: dataDir, DATA_ENCRYPTION_KEY: newKey, DATA_ENCRYPTION_KEY_PREVIOUS: oldKey });
    expect(await resolveLinkSecret(database.db, rotated.dataKey)).toBe(secret);
    // The generated file now holds the new key (still 0600): dropping both variables keeps working.
    expect(readFileSync(file, 'utf8').trim()).toBe(newKey);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const after = await start({ DATA_DIR: dataDir });
    expect(after.dataKey).toEqual(Buffer.from(newKey, 'base64'));
    expect(await resolveLinkSecret(database.db, after.dataKey)).toBe(secret);
  });

  it('a database with sealed secrets and no key anywhere: refuses to start, says the key is missing, writes no new key', async () => {
    await database.db.deleteFrom('settings').execute();
    await start({ DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'), DATA_DIR: tmp('first') });
    const emptyDir = tmp('nokey');
    const missing = start({ DATA_DIR: emptyDir });
    await expect(missing).rejects.toMatchObject({ name: 'DataKeyError' });
    await expect(missing).rejects.toThrow(`No data encryption key: DATA_ENCRYPTION_KEY is unset and ${join(emptyDir, 'encryption.key')} does not exist`);
    expect(existsSync(join(emptyDir, 'encryption.key'))).toBe(false);
  });
});
