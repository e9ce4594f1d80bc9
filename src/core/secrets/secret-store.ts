import { sql } from 'kysely';
import type { Db } from '../shared/db.ts';
import { inTransaction } from '../shared/in-transaction.ts';
import { DataKeyError } from './data-key.ts';
import { isSealed, openSecret, sealSecret, SealedSecretError } from './sealed-secret.ts';

/**
 * Every column that holds sealed credentials, with the column that identifies a row. Key rotation
 * re-seals all of them; a table that stores a credential (a group robot's webhook key, an API token)
 * adds its column here and seals with `sealSecret(key, value, sealedContext(table, column))`.
 */
export const SEALED_COLUMNS: readonly { table: string; column: string; id: string }[] = [{ table: 'settings', column: 'value', id: 'key' }];

export const sealedContext = (table: string, column: string) => `legwork:${table}.${column}`;

/** The settings row that proves which key the database's secrets are sealed with. */
const CHECK_ROW = 'data_key_check';
const CHECK_TEXT = 'legwork data key check';
const SETTINGS = sealedContext('settings', 'value');

/**
 * Checks at start that `key` is the one this database's secrets were sealed with, and fails loudly
 * when it is not: a wrong key would otherwise surface later as broken links and failed sends. With
 * `previousKey` (DATA_ENCRYPTION_KEY_PREVIOUS) a database still sealed with it is re-sealed with `key`
 * in one transaction: that is key rotation. A new database records the check with `key`.
 */
export async function verifyDataKey(db: Db, key: Buffer, options: { source: string; previousKey?: Buffer }): Promise<'new' | 'ok' | 'rotated'> {
  return inTransaction(db, async (trx) => {
    // Locked: two processes starting at once do not both rotate.
    const row = await trx.selectFrom('settings').select('value').where('key', '=', CHECK_ROW).forUpdate().executeTakeFirst();
    if (!row) {
      await trx.insertInto('settings').values({ key: CHECK_ROW, value: sealSecret(key, CHECK_TEXT, SETTINGS) }).onConflict((oc) => oc.column('key').doNothing()).execute();
      return 'new';
    }
    if (opens(key, row.value)) return 'ok';
    if (options.previousKey && opens(options.previousKey, row.value)) {
      await resealAll(trx, options.previousKey, key);
      return 'rotated';
    }
    throw new DataKeyError(
      `The data encryption key from ${options.source} does not open the secrets stored in this database: it is not the key they were sealed with. ` +
        'Start with the right key (DATA_ENCRYPTION_KEY, or the encryption.key file kept with the backup, copied into DATA_DIR). ' +
        'To change keys, set the old key as DATA_ENCRYPTION_KEY_PREVIOUS and the new one as DATA_ENCRYPTION_KEY for one start.',
    );
  });
}

/** Whether this database already holds secrets sealed with some key (its check value is recorded). */
export async function holdsSealedSecrets(db: Db): Promise<boolean> {
  return (await db.selectFrom('settings').select('key').where('key', '=', CHECK_ROW).executeTakeFirst()) !== undefined;
}

function opens(key: Buffer, sealed: string): boolean {
  try {
    return openSecret(key, sealed, SETTINGS) === CHECK_TEXT;
  } catch (error) {
    if (error instanceof SealedSecretError) return false;
    throw error;
  }
}

async function resealAll(db: Db, from: Buffer, to: Buffer): Promise<void> {
  for (const { table, column, id } of SEALED_COLUMNS) {
    const context = sealedContext(table, column);
    const rows = await sql<{ id: string; value: string }>`select ${sql.ref(id)} as id, ${sql.ref(column)} as value from ${sql.table(table)} where ${sql.ref(column)} like 'enc:v1:%'`.execute(db);
    for (const row of rows.rows) {
      const resealed = sealSecret(to, openSecret(from, row.value, context), context);
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${resealed} where ${sql.ref(id)} = ${row.id}`.execute(db);
    }
  }
}

/**
 * A credential kept in `settings`, sealed; created with `generate()` when missing. A value stored in
 * plain text by an older version is sealed in place the first time it is read.
 */
export async function sealedSetting(db: Db, key: Buffer, name: string, generate: () => string): Promise<string> {
  await db.insertInto('settings').values({ key: name, value: sealSecret(key, generate(), SETTINGS) }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', name).executeTakeFirstOrThrow();
  if (isSealed(row.value)) return openSecret(key, row.value, SETTINGS);
  await db.updateTable('settings').set({ value: sealSecret(key, row.value, SETTINGS) }).where('key', '=', name).where('value', '=', row.value).execute();
  return row.value;
}
