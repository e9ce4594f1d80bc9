import { sql } from 'kysely';
import { expect } from 'vitest';
import type { TestHarness } from '../support/test-app.ts';

/**
 * Every place a word can hide: each text, varchar, json, jsonb and text-array column of every table
 * of the schema (read from information_schema, so tables added later are scanned too). Returns
 * `table.column` for each column where one of `needles` occurs.
 */
export async function columnsContaining(h: TestHarness, needles: string[]): Promise<string[]> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY'))`.execute(h.db);
  expect(columns.rows.length).toBeGreaterThan(20);
  const found: string[] = [];
  for (const { table_name, column_name } of columns.rows) {
    for (const needle of needles) {
      const hit = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table_name)} where ${sql.ref(column_name)}::text like ${`%${needle}%`}`.execute(h.db);
      if (hit.rows[0]!.n > 0) found.push(`${table_name}.${column_name}: ${needle}`);
    }
  }
  return found;
}
