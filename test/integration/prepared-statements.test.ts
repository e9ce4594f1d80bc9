import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * Repeated statements are prepared once per connection (src/db/prepared-statements.ts), and a
 * schema change under a prepared `select *` costs one failed statement, not a broken connection.
 */
describe('prepared statements', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  const countOf = (id: number) => sql<{ n: number }>`select count(*)::int as n from orgs where ${id} = ${id}`.execute(handle.db);

  it('prepares a statement kysely runs with parameters, once, and answers the same', async () => {
    // One transaction: one connection, whose prepared statements pg_prepared_statements lists.
    const seen = await handle.db.transaction().execute(async (trx) => {
      const first = await sql<{ n: number }>`select count(*)::int as n from orgs where ${1} = ${1}`.execute(trx);
      const second = await sql<{ n: number }>`select count(*)::int as n from orgs where ${2} = ${2}`.execute(trx);
      const prepared = await sql<{ statement: string }>`select statement from pg_prepared_statements where statement like ${'%from orgs where $1 = $2%'}`.execute(trx);
      return { answers: [first.rows[0]!.n, second.rows[0]!.n], prepared: prepared.rows.length };
    });
    expect(seen.answers).toEqual([0, 0]);
    expect(seen.prepared).toBe(1);
    expect((await countOf(3)).rows[0]!.n).toBe(0);
  });

  it('a table that gains a column under a prepared select * fails that statement once, then works', async () => {
    await sql`create table prepared_probe (id int primary key)`.execute(handle.db);
    await sql`insert into prepared_probe values (1)`.execute(handle.db);
    const readAll = () => handle.db.transaction().execute((trx) => sql<Record<string, unknown>>`select * from prepared_probe where id = ${1}`.execute(trx));
    expect((await readAll()).rows).toEqual([{ id: 1 }]);
    expect((await readAll()).rows).toEqual([{ id: 1 }]);
    await sql`alter table prepared_probe add column note text`.execute(handle.db);
    // Where the connection that prepared it runs it again, PostgreSQL refuses the old plan's shape
    // (0A000) once; a server's connection is then replaced, the embedded one carries on unnamed, and
    // the retry (a platform redelivery) succeeds.
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 3 && outcomes.at(-1) !== 'ok'; attempt++) {
      try {
        const { rows } = await readAll();
        expect(rows).toEqual([{ id: 1, note: null }]);
        outcomes.push('ok');
      } catch (error) {
        outcomes.push((error as { code?: string }).code ?? String(error));
      }
    }
    expect(outcomes.at(-1)).toBe('ok');
    expect(outcomes.filter((o) => o !== 'ok' && o !== '0A000')).toEqual([]);
    // Other statements were never affected.
    expect((await countOf(4)).rows[0]!.n).toBe(0);
    await sql`drop table prepared_probe`.execute(handle.db);
  });
});
