import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '../config.ts';
import { connectDatabase } from '../db/connect.ts';
import { writeBackup } from '../db/backup/embedded-backup.ts';
import { readRunFile } from '../db/backup/run-file.ts';
import { runArchiveCommand } from './archive-command.ts';

const USAGE = `usage: npm run backup -- <file.tar.gz>
  A consistent copy of the embedded database (DATA_DIR), also while Legwork runs: the running
  process makes it (found through DATA_DIR/legwork.run); when Legwork is stopped, the files are read
  directly. The copy does not hold DATA_DIR/encryption.key: back that file up separately.
  With DATABASE_URL, use pg_dump instead (see the README).
`;

/** `npm run backup -- <file>` (embedded database): from the running Legwork, or from the files when it is stopped. */
async function backUp(file: string, config: AppConfig): Promise<number> {
  const running = await readRunFile(config.dataDir);
  if (running) {
    // Dump-over-HTTP from the process that owns the files: it is the only safe reader while it runs.
    const res = await fetch(`http://127.0.0.1:${running.port}/admin/backup`, { method: 'POST', headers: { authorization: `Bearer ${running.backupToken}` } });
    if (!res.ok) throw new Error(`the running Legwork (pid ${running.pid}) refused the backup: ${res.status} ${await res.text()}`);
    const bytes = await writeBackup(async () => res.blob(), file);
    process.stdout.write(`Backup written to ${file} (${bytes} bytes), taken by the running Legwork (pid ${running.pid}).\n`);
    return 0;
  }
  if (!(await access(join(config.dataDir, 'PG_VERSION')).then(() => true, () => false))) {
    process.stderr.write(`${config.dataDir} holds no database: nothing to back up.\n`);
    return 2;
  }
  const handle = await connectDatabase({ dataDir: config.dataDir });
  try {
    const bytes = await writeBackup(handle.dumpDataDir!, file);
    process.stdout.write(`Backup written to ${file} (${bytes} bytes) from ${config.dataDir} (Legwork was not running).\n`);
  } finally {
    await handle.close();
  }
  return 0;
}

runArchiveCommand(
  { usage: USAGE, onPostgres: 'DATABASE_URL is set: back PostgreSQL up with pg_dump (see the README), and keep DATA_ENCRYPTION_KEY with it.', run: backUp },
  process.argv.slice(2),
).then((code) => process.exit(code));
