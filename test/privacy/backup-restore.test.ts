import { spawn } from 'node:child_process';
import { mkdtempSync, openAsBlob, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { buildApp, type Legwork } from '../../src/app/build-app.ts';
import { connectDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { restoreBackup } from '../../src/db/backup/embedded-backup.ts';
import { writeRunFile } from '../../src/db/backup/run-file.ts';
import { backup } from '../../jobs/definitions/backup.ts';
import { TestHarness, testStart } from '../support/test-app.ts';
import { onRealPostgres } from '../support/test-database.ts';

const key = Buffer.alloc(32, 7).toString('base64');
const opened: { app: Legwork; database: DatabaseHandle }[] = [];

/** The whole service on an embedded database in `dataDir` (files, not memory). */
async function serviceOn(dataDir: string): Promise<TestHarness> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://legwork.test', DATA_DIR: dataDir, DATA_ENCRYPTION_KEY: key });
  const database = await connectDatabase({ dataDir });
  const clock = new ManualClock(testStart);
  const app = await buildApp(config, { logger: createLogger('silent'), clock, database });
  opened.push({ app, database });
  return new TestHarness(app, clock);
}

afterAll(async () => {
  for (const { app, database } of opened) {
    await app.stop();
    await database.close();
  }
});

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `legwork-${name}-`));

// Backups are of the embedded database; PostgreSQL is backed up with pg_dump (README).
describe.skipIf(onRealPostgres)('backup and restore of the embedded database', () => {
  it('copies the database while messages keep arriving (POST /admin/backup, npm run backup, the daily job); the restored copy answers the same 今天', { timeout: 400_000 }, async () => {
    const dataDir = tmp('live');
    const live = await serviceOn(dataDir);
    await live.register('alice');
    await live.say('alice', '新客户 华为 22.54,113.95');
    await live.say('alice', '签到 华为 22.541,113.951');
    await live.say('alice', '签退 见了采购');
    await live.say('alice', '日报 今天拜访了华为');
    const today = await live.ask('alice', '今天');
    expect(today).toContain('华为');

    // Bob keeps writing visit notes while the copy is taken.
    let sent = 0;
    const traffic = (async () => {
      for (let i = 0; i < 12; i++) {
        const res = await live.post({ id: `bob-${i}`, userId: 'bob', text: `拜访 华为 第${i}次演示` });
        expect(res.status).toBe(202);
        sent++;
      }
    })();
    const res = await live.app.http.request('/admin/backup', { method: 'POST', headers: { authorization: `Bearer ${live.app.backupToken}` } });
    expect(res.status).toBe(200);
    const copy = join(tmp('copy'), 'legwork.tar.gz');
    writeFileSync(copy, new Uint8Array(await res.arrayBuffer()));
    await traffic;
    expect(sent).toBe(12);
    expect((await live.app.http.request('/admin/backup', { method: 'POST', headers: { authorization: 'Bearer wrong' } })).status).toBe(401);

    const restoredDir = tmp('restored');
    await restoreBackup(await openAsBlob(copy), restoredDir);
    await expect(restoreBackup(await openAsBlob(copy), restoredDir)).rejects.toThrow('already holds a database');
    const restored = await serviceOn(restoredDir);
    expect(await restored.ask('alice', '今天')).toBe(today);
    // Each of bob's messages is in the copy whole or not at all: its dedupe row and its visit together.
    const handled = await restored.db.selectFrom('processed_events').select('event_id').where('event_id', 'like', 'bob-%').execute();
    const bobVisits = await restored.db
      .selectFrom('visits')
      .innerJoin('identities', 'identities.user_id', 'visits.user_id')
      .select('visits.id')
      .where('identities.external_id', '=', 'bob')
      .execute();
    expect(bobVisits).toHaveLength(handled.length);
    expect(handled.length).toBeLessThanOrEqual(12);

    // `npm run backup`, as an operator runs it next to the service: it finds the running process
    // through DATA_DIR/legwork.run and asks it for the copy.
    const server = serve({ fetch: live.app.http.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    await writeRunFile(dataDir, { pid: process.pid, port, backupToken: live.app.backupToken });
    const out = join(tmp('cli-out'), 'b.tar.gz');
    const run = spawn(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts', out], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' } });
    let output = '';
    run.stdout.on('data', (d: Buffer) => (output += d.toString()));
    run.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((r) => run.on('close', r));
    server.close();
    expect(output).toContain(`taken by the running Legwork (pid ${process.pid})`);
    expect(code).toBe(0);
    const cliRestoredDir = tmp('cli-restored');
    await restoreBackup(await openAsBlob(out), cliRestoredDir);
    const cliRestored = await serviceOn(cliRestoredDir);
    expect(await cliRestored.ask('alice', '今天')).toBe(today);

    // The daily backup job: one copy a day under DATA_DIR/backups, the newest BACKUP_KEEP kept.
    const backups = join(dataDir, 'backups');
    const context = { db: live.db, clock: live.clock, logger: createLogger('silent'), enqueue: async () => undefined };
    await backup.handler({ ...context, embeddedBackup: { dump: live.app.database.dumpDataDir!, dataDir, keep: 7 } }, {});
    for (let day = 1; day <= 8; day++) writeFileSync(join(backups, `legwork-2026-10-0${day}.tar.gz`), 'old');
    await backup.handler({ ...context, embeddedBackup: { dump: live.app.database.dumpDataDir!, dataDir, keep: 7 } }, {});
    const kept = readdirSync(backups).sort();
    expect(kept).toHaveLength(7);
    expect(kept.at(-1)).toBe('legwork-2026-11-27.tar.gz');
    expect(kept[0]).toBe('legwork-2026-10-03.tar.gz');
  });
});
