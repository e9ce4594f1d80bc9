import { openAsBlob } from 'node:fs';
import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config.ts';
import { restoreBackup } from '../db/backup/embedded-backup.ts';
import { KEY_FILE_NAME } from '../core/secrets/data-key.ts';

const USAGE = `usage: npm run restore -- <file.tar.gz>
  Restores a backup made by \`npm run backup\` (or DATA_DIR/backups) into DATA_DIR, which must not hold
  a database yet. Then put the encryption key back: DATA_DIR/encryption.key from where you kept it, or
  DATA_ENCRYPTION_KEY; without it Legwork refuses to start.
`;

/** `npm run restore -- <file>` into an empty DATA_DIR (embedded database). */
async function main(argv: string[]): Promise<number> {
  const source = argv.find((a) => !a.startsWith('-'));
  if (!source || argv.includes('--help')) {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = loadConfig();
  if (config.databaseUrl) {
    process.stderr.write('DATABASE_URL is set: restore PostgreSQL with pg_restore (see the README).\n');
    return 2;
  }
  await restoreBackup(await openAsBlob(resolve(source)), config.dataDir);
  const keyFile = join(config.dataDir, KEY_FILE_NAME);
  const hasKey = config.dataEncryptionKey !== undefined || (await access(keyFile).then(() => true, () => false));
  process.stdout.write(`Restored ${source} into ${config.dataDir}.\n`);
  if (!hasKey) process.stdout.write(`Now copy the backed-up encryption key to ${keyFile} (0600), or set DATA_ENCRYPTION_KEY, before starting Legwork.\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  },
);
