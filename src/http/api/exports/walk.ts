import type { SelectQueryBuilder } from 'kysely';
import { keysetPage, type Keyset } from '../pagination.ts';

/**
 * Every row of a query, page by page in keyset order: memory holds one page whatever the table's
 * size. Used on both backends. (kysely's `.stream()` needs pg-cursor, which is not a dependency;
 * keyset pages cost one indexed query per page and also work on PGlite, whose single connection
 * cannot hold a cursor open while other requests wait.)
 */
export async function* walk<DB, TB extends keyof DB, R>(query: SelectQueryBuilder<DB, TB, R>, keyset: Keyset, pageSize: number): AsyncGenerator<R[]> {
  let cursor: { key: string; id: string } | undefined;
  for (;;) {
    const rows = await keysetPage(query, keyset, cursor, pageSize).execute();
    const page = rows.length > pageSize ? rows.slice(0, pageSize) : rows;
    if (page.length > 0) yield page;
    if (rows.length <= pageSize) return;
    const last = page.at(-1)!;
    cursor = { key: last._key, id: last._id };
  }
}
