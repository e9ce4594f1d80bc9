import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The file the embedded default keeps its generated key in, under DATA_DIR (mode 0600). */
export const KEY_FILE_NAME = 'encryption.key';

/** The data key cannot be used: a malformed DATA_ENCRYPTION_KEY, or not the key the database's secrets were sealed with. */
export class DataKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataKeyError';
  }
}

/**
 * A key as written in DATA_ENCRYPTION_KEY or the key file: 32 bytes as base64 (44 characters) or
 * hex (64). `openssl rand -base64 32` makes one.
 */
export function parseDataKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)
      ? Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
      : Buffer.alloc(0);
  if (key.length !== 32) {
    throw new DataKeyError(`${source} must be 32 random bytes as base64 (44 characters) or hex (64 characters); make one with: openssl rand -base64 32`);
  }
  return key;
}

/**
 * The key that seals credentials in the database: DATA_ENCRYPTION_KEY when set; otherwise the key
 * in `DATA_DIR/encryption.key`, generated once (0600) on first start. Back that file up with the
 * database: a dump alone does not reveal the secrets, and without the key they are lost.
 */
export async function resolveDataKey(input: { configured?: string; dataDir: string; mayGenerate?: boolean }): Promise<{ key: Buffer; source: string }> {
  if (input.configured) return { key: parseDataKey(input.configured, 'DATA_ENCRYPTION_KEY'), source: 'DATA_ENCRYPTION_KEY' };
  const path = join(input.dataDir, KEY_FILE_NAME);
  const existing = await readKeyFile(path);
  if (existing) return { key: parseDataKey(existing, path), source: path };
  // A database whose secrets are already sealed needs the key they were sealed with (a restore
  // without its key file): a new key would never open them, and would be left behind looking right.
  if (input.mayGenerate === false) {
    throw new DataKeyError(
      `No data encryption key: DATA_ENCRYPTION_KEY is unset and ${path} does not exist, but this database holds secrets sealed with a key. ` +
        `Copy the encryption.key kept with your backup to ${path} (chmod 600), or set DATA_ENCRYPTION_KEY to that key.`,
    );
  }
  await mkdir(input.dataDir, { recursive: true });
  // Written aside, then linked into place: two processes starting at once agree on one key.
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(aside, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  await chmod(aside, 0o600);
  try {
    await link(aside, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(aside).catch(() => undefined);
  }
  return { key: parseDataKey((await readKeyFile(path))!, path), source: path };
}

async function readKeyFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * After a rotation (DATA_ENCRYPTION_KEY new, DATA_ENCRYPTION_KEY_PREVIOUS old) on a DATA_DIR whose key
 * file holds the old key: the file gets the new key (0600, written aside then renamed), so a later
 * start without the variables opens the re-sealed secrets. A file holding another key is left alone.
 * Returns whether the file was replaced.
 */
export async function replaceRotatedKeyFile(dataDir: string, previousKey: Buffer, key: Buffer): Promise<boolean> {
  const path = join(dataDir, KEY_FILE_NAME);
  const existing = await readKeyFile(path);
  if (!existing) return false;
  let current: Buffer;
  try {
    current = parseDataKey(existing, path);
  } catch {
    return false;
  }
  if (!current.equals(previousKey)) return false;
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(aside, `${key.toString('base64')}\n`, { mode: 0o600 });
  await chmod(aside, 0o600);
  await rename(aside, path);
  return true;
}
