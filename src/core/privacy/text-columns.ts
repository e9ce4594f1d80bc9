import { sql } from 'kysely';
import type { Db } from '../shared/db.ts';

export interface TextColumn {
  table: string;
  column: string;
  /** 'text' (text, varchar), 'json' (json, jsonb) or 'array' (text[]). */
  type: 'text' | 'json' | 'array';
}

/**
 * Every column of the application's tables that can hold words, read from the catalogue so a table
 * added later is covered without being listed (erasure scrubs them, its test scans them). Migration
 * bookkeeping is left out; so is `settings`, which holds deployment secrets, never a person's words.
 */
export async function textColumns(db: Db): Promise<TextColumn[]> {
  const rows = await sql<{ table_name: string; column_name: string; data_type: string; udt_name: string }>`
    select c.table_name, c.column_name, c.data_type, c.udt_name
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      and c.table_name not like 'kysely\\_%' and c.table_name <> 'settings'
      and (c.data_type in ('text', 'character varying', 'json', 'jsonb') or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))
    order by c.table_name, c.ordinal_position`.execute(db);
  return rows.rows.map((r) => ({
    table: r.table_name,
    column: r.column_name,
    type: r.data_type === 'ARRAY' ? 'array' : r.data_type.startsWith('json') ? 'json' : 'text',
  }));
}

/**
 * Columns of the application's tables that point at users, read from the catalogue: foreign keys to
 * users, and uuid columns named `user_id` / `*_user_id` without one (the scheduler's ledger dropped its
 * foreign keys for speed, see migrations/20261128010000_scheduled_sends_ledger.ts).
 */
export async function userReferences(db: Db): Promise<{ table: string; column: string }[]> {
  const rows = await sql<{ table_name: string; column_name: string }>`
    select cl.relname as table_name, a.attname as column_name
    from pg_constraint con
    join pg_class cl on cl.oid = con.conrelid
    join pg_namespace ns on ns.oid = cl.relnamespace
    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = any(con.conkey)
    where con.contype = 'f' and con.confrelid = 'users'::regclass and ns.nspname = current_schema()
    union
    select c.table_name, c.column_name from information_schema.columns c
    where c.table_schema = current_schema() and c.data_type = 'uuid' and (c.column_name = 'user_id' or c.column_name like '%\\_user\\_id')
    order by 1, 2`.execute(db);
  return rows.rows.map((r) => ({ table: r.table_name, column: r.column_name }));
}
