import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, unlink, writeFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { databaseFilesOnly } from './database-files-only.ts';

/**
 * Backups of the embedded database (PGlite). PGlite's `dumpDataDir('gzip')` runs under its query
 * lock, so no statement is half way through while the files are read; a transaction open across
 * statements is in the copy only as far as its WAL, and PostgreSQL rolls it back when the copy is
 * opened, exactly as after a power cut. The copy is therefore consistent as of one instant, taken
 * while Legwork keeps running. It holds the database only, not DATA_DIR/encryption.key: keep the key
 * elsewhere, so a stolen backup alone does not reveal the stored credentials.
 */
export type DumpDatabase = () => Promise<Blob>;

/** Where the daily backups go, and how many are kept (BACKUP_KEEP; 0: none taken). */
export const backupDirOf = (dataDir: string) => join(dataDir, 'backups');

/** Writes a dump to `file` via a temporary name, so a crash never leaves half a backup under the real name. */
export async function writeBackup(dump: DumpDatabase, file: string): Promise<number> {
  const bytes = new Uint8Array(await (await dump()).arrayBuffer());
  const aside = `${file}.${randomBytes(4).toString('hex')}.partial`;
  await writeFile(aside, bytes, { mode: 0o600 });
  await rename(aside, file);
  return bytes.length;
}

/**
 * The daily backup: `DATA_DIR/backups/legwork-YYYY-MM-DD.tar.gz` (UTC date; a second run the same day
 * replaces that day's file), then only the newest `keep` are kept.
 */
export async function dailyBackup(dump: DumpDatabase, input: { dataDir: string; keep: number; now: Date }): Promise<{ file: string; bytes: number; removed: string[] } | undefined> {
  if (input.keep <= 0) return undefined;
  const dir = backupDirOf(input.dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `legwork-${input.now.toISOString().slice(0, 10)}.tar.gz`);
  const bytes = await writeBackup(dump, file);
  const backups = (await readdir(dir)).filter((name) => /^legwork-\d{4}-\d{2}-\d{2}\.tar\.gz$/.test(name)).sort();
  const removed = backups.slice(0, Math.max(0, backups.length - input.keep));
  for (const name of removed) await unlink(join(dir, name));
  return { file, bytes, removed };
}

/**
 * Restores a backup into `dataDir`, which must not hold a database yet (a restore never overwrites
 * one: move it away first), without Legwork's own files (see database-files-only.ts). Opens the copy once, so PostgreSQL's recovery runs now rather than at
 * the next start.
 */
export async function restoreBackup(file: Blob, dataDir: string): Promise<void> {
  if (await exists(join(dataDir, 'PG_VERSION'))) {
    throw new Error(`${dataDir} already holds a database; restore into an empty DATA_DIR (move the old one away first)`);
  }
  await mkdir(dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  // A backup from before the key file was left out may hold it (and the run file, older daily
  // copies): the database alone is restored, the key is put back by hand (README, "Backups").
  const db = await PGlite.create(dataDir, { loadDataDir: await databaseFilesOnly(file) });
  await db.query('select 1');
  await db.close();
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
