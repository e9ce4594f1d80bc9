import type { SelectQueryBuilder } from 'kysely';
import { keysetPage, type Keyset } from '../pagination.ts';

/**
 * Every row of a query, page by page in keyset order: memory holds two pages whatever the table's
 * size. The next page is asked for as soon as the current one has arrived, so the database works on
 * it while this page is encoded and sent (an export waits on the database most of its time).
 *
 * Used on both backends. kysely's `.stream()` needs pg-cursor, which is not a dependency; keyset pages
 * cost one indexed query each (check_ins_org_at_idx and friends) and also work on PGlite, whose single
 * connection cannot hold a cursor open while other requests wait.
 */
export async function* walk<DB, TB extends keyof DB, R>(query: SelectQueryBuilder<DB, TB, R>, keyset: Keyset, pageSize: number): AsyncGenerator<R[]> {
  const fetch = (cursor: { key: string; id: string } | undefined) => keysetPage(query, keyset, cursor, pageSize).execute();
  let pending = fetch(undefined);
  for (;;) {
    const rows = await pending;
    const more = rows.length > pageSize;
    const page = more ? rows.slice(0, pageSize) : rows;
    if (more) {
      const last = page.at(-1)!;
      pending = fetch({ key: last._key, id: last._id });
      // A client that hangs up leaves this page unread: its failure must not be an unhandled rejection.
      pending.catch(() => undefined);
    }
    if (page.length > 0) yield page;
    if (!more) return;
  }
}
