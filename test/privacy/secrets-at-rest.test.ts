import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { buildApp } from '../../src/app/build-app.ts';
import { resolveLinkSecret } from '../../src/core/location-links/link-secret.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { createTestDatabase, resetDatabase } from '../support/test-database.ts';
import { testStart } from '../support/test-app.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('hex');

/** Starts the service on the shared database with these variables, and stops it again. */
async function start(env: Record<string, string>) {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'legwork-key-')), ...env });
  const app = await buildApp(config, { logger: createLogger('silent'), clock: new ManualClock(testStart), database });
  await app.stop();
  return app;
}

const settings = async () => Object.fromEntries((await database.db.selectFrom('settings').selectAll().execute()).map((r) => [r.key, r.value]));

describe('secrets at rest', () => {
  it('seals the link secret with AES-256-GCM: the raw column holds no plaintext', async () => {
    await resetDatabase(database);
    await database.db.deleteFrom('settings').execute();
    const app = await start({ DATA_ENCRYPTION_KEY: keyA });
    const secret = await resolveLinkSecret(database.db, app.dataKey);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const raw = await settings();
    expect(raw.location_link_secret).toMatch(/^enc:v1:[A-Za-z0-9_-]+$/);
    expect(JSON.stringify(raw)).not.toContain(secret);
  });

  it('seals a secret an older version stored in plain text, keeping its value', async () => {
    await database.db.deleteFrom('settings').execute();
    await database.db.insertInto('settings').values({ key: 'location_link_secret', value: 'plain-old-secret-0123456789' }).execute();
    const app = await start({ DATA_ENCRYPTION_KEY: keyA });
    expect((await settings()).location_link_secret).toMatch(/^enc:v1:/);
    expect(await resolveLinkSecret(database.db, app.dataKey)).toBe('plain-old-secret-0123456789');
  });

  it('refuses to start with a wrong key, saying so; rotates with the previous key given', async () => {
    await database.db.deleteFrom('settings').execute();
    const first = await start({ DATA_ENCRYPTION_KEY: keyA });
    const secret = await resolveLinkSecret(database.db, first.dataKey);

    const wrong = start({ DATA_ENCRYPTION_KEY: keyB });
    await expect(wrong).rejects.toThrow(/does not open the secrets stored in this database/);
    await expect(wrong).rejects.toMatchObject({ name: 'DataKeyError' });
    await expect(start({ DATA_ENCRYPTION_KEY: 'too-short' })).rejects.toThrow('DATA_ENCRYPTION_KEY must be 32 random bytes');

    const before = (await settings()).location_link_secret;
    const rotated = await start({ DATA_ENCRYPTION_KEY: keyB, DATA_ENCRYPTION_KEY_PREVIOUS: keyA });
    expect((await settings()).location_link_secret).not.toBe(before);
    expect(await resolveLinkSecret(database.db, rotated.dataKey)).toBe(secret);
    // Now the old key is the wrong one.
    await expect(start({ DATA_ENCRYPTION_KEY: keyA })).rejects.toThrow(/does not open/);
    await start({ DATA_ENCRYPTION_KEY: keyB });
  });

  it('generates a key once into DATA_DIR/encryption.key (0600) when none is configured', async () => {
    await database.db.deleteFrom('settings').execute();
    const dataDir = mkdtempSync(join(tmpdir(), 'legwork-keyfile-'));
    const first = await start({ DATA_DIR: dataDir });
    const file = join(dataDir, 'encryption.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toEqual(first.dataKey);
    const second = await start({ DATA_DIR: dataDir });
    expect(second.dataKey).toEqual(first.dataKey);
    // A different DATA_DIR has no key file: the database, whose secrets are sealed, refuses to start
    // (and no new key is generated in place of the missing one).
    await expect(start({ DATA_DIR: mkdtempSync(join(tmpdir(), 'legwork-keyfile-')) })).rejects.toThrow(/No data encryption key/);
  });
});
