import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

/**
 * Every row of a query through a server-side cursor (`DECLARE … CURSOR` / `FETCH`), `fetchSize` rows
 * at a time, the next batch asked for while this one is formatted and sent.
 *
 * Why, beside keyset pages: one plan and one ordered scan for the whole export instead of a query,
 * a sort and a cursor column per page (on 100,000 check-ins the pages cost the export a third of its
 * time), and batches small enough to be garbage before the next young-generation collection (two
 * pages of 2,000 rows were promoted to the old generation and grew the heap by ~70 MB per export).
 * The rows are one snapshot, as COPY would give, even while check-ins keep arriving.
 *
 * The price: the export holds one pooled connection, in a read-only transaction, until the last row
 * is sent or the client goes away (the stream's cancel returns this generator, whose `finally` rolls
 * the transaction back). So it is used only on a PostgreSQL server, never on PGlite, whose single
 * connection would make every other request wait for the download.
 * https://www.postgresql.org/docs/current/sql-declare.html
 * https://www.postgresql.org/docs/current/sql-fetch.html
 */
export async function* cursorRows<R>(db: Kysely<Database>, query: Compilable<R>, fetchSize: number): AsyncGenerator<R[]> {
  const { sql, parameters } = query.compile();
  const trx = await db.startTransaction().setAccessMode('read only').execute();
  try {
    // A cursor of the query as compiled, its bind parameters included (PostgreSQL plans DECLARE's query with them).
    await trx.executeQuery(CompiledQuery.raw(`declare export_rows no scroll cursor for ${sql}`, [...parameters]));
    const fetch = () => trx.executeQuery<R>(CompiledQuery.raw(`fetch forward ${Math.trunc(fetchSize)} from export_rows`));
    let pending = fetch();
    let rows: R[] | undefined;
    for (;;) {
      rows = (await pending).rows;
      const more = rows.length === fetchSize;
      if (more) {
        pending = fetch();
        // A client that hangs up leaves this batch unread: its failure must not be an unhandled rejection.
        pending.catch(() => undefined);
      }
      if (rows.length > 0) yield rows;
      rows = undefined;
      if (!more) return;
    }
  } finally {
    // Read only: nothing to commit. Ending the transaction closes the cursor and frees the connection.
    await trx.rollback().execute();
  }
}
