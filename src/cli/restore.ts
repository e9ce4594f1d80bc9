import { openAsBlob } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '../config.ts';
import { restoreBackup } from '../db/backup/embedded-backup.ts';
import { KEY_FILE_NAME } from '../core/secrets/data-key.ts';
import { runArchiveCommand } from './archive-command.ts';

const USAGE = `usage: npm run restore -- <file.tar.gz>
  Restores a backup made by \`npm run backup\` (or DATA_DIR/backups) into DATA_DIR, which must not hold
  a database yet. Then put the encryption key back: DATA_DIR/encryption.key from where you kept it, or
  DATA_ENCRYPTION_KEY; without it Legwork refuses to start.
`;

/** `npm run restore -- <file>` into an empty DATA_DIR (embedded database). */
async function restore(archive: string, config: AppConfig): Promise<number> {
  await restoreBackup(await openAsBlob(archive), config.dataDir);
  const keyFile = join(config.dataDir, KEY_FILE_NAME);
  const hasKey = config.dataEncryptionKey !== undefined || (await access(keyFile).then(() => true, () => false));
  process.stdout.write(`Restored ${archive} into ${config.dataDir}.\n`);
  if (!hasKey) process.stdout.write(`Now copy the backed-up encryption key to ${keyFile} (0600), or set DATA_ENCRYPTION_KEY, before starting Legwork.\n`);
  return 0;
}

runArchiveCommand(
  { usage: USAGE, onPostgres: 'DATABASE_URL is set: restore PostgreSQL with pg_restore (see the README).', run: restore },
  process.argv.slice(2),
).then((code) => process.exit(code));
