import { sql, type SelectQueryBuilder } from 'kysely';
import { z } from '@hono/zod-openapi';
import { ApiProblem } from './problem.ts';

/**
 * Opaque cursors for a stable order: every list is ordered by (sort key, id), both unique together,
 * and the cursor holds the last row's pair, so the next page starts strictly after it whatever was
 * inserted meanwhile. The key travels as PostgreSQL's own text (`at::text` keeps microseconds, which a
 * JavaScript Date would drop) and is cast back in the comparison.
 */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100).openapi({ description: 'Items per page (1–500, default 100)' }),
  cursor: z.string().max(400).optional().openapi({ description: 'The `nextCursor` of the previous page' }),
});

export const pageOf = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page' }) }).openapi(name);

export interface Cursor {
  key: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  const bytes = new TextEncoder().encode(JSON.stringify([cursor.key, cursor.id]));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(text: string | undefined): Cursor | undefined {
  if (text === undefined || text === '') return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const parsed: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((p) => typeof p === 'string')) return { key: String(parsed[0]), id: String(parsed[1]) };
  } catch {
    // fall through
  }
  throw new ApiProblem('validation_failed', 'cursor is not one this API issued', [{ path: 'cursor', message: 'unreadable cursor' }]);
}

export type KeyType = 'timestamptz' | 'date' | 'text';

export interface Keyset {
  /** Qualified column of the sort key, e.g. `ci.at`. */
  key: string;
  keyType: KeyType;
  /** Qualified id column, e.g. `ci.id`. */
  id: string;
  idType: 'uuid' | 'bigint';
}

/**
 * Orders by the keyset, starts after `cursor`, takes one row more than `limit` (to know whether a next
 * page exists) and selects the key as text in `_key` and the id in `_id`.
 */
export function keysetPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  keyset: Keyset,
  cursor: Cursor | undefined,
  limit: number,
): SelectQueryBuilder<DB, TB, O & { _key: string; _id: string }> {
  const key = sql.ref(keyset.key);
  const id = sql.ref(keyset.id);
  let q = query
    .select([sql<string>`${key}::text`.as('_key'), sql<string>`${id}::text`.as('_id')])
    .orderBy(sql`${key}`)
    .orderBy(sql`${id}`)
    .limit(limit + 1);
  if (cursor) {
    if (keyset.idType === 'uuid' && !/^[0-9a-f-]{36}$/i.test(cursor.id)) throw new ApiProblem('validation_failed', 'cursor is not one this API issued');
    if (keyset.idType === 'bigint' && !/^\d{1,19}$/.test(cursor.id)) throw new ApiProblem('validation_failed', 'cursor is not one this API issued');
    // The plain `key >=` lets an index on the key start the scan at the cursor; the row comparison
    // then drops the rows up to and including the cursor's own.
    const after = sql`cast(${cursor.key} as ${sql.raw(keyset.keyType)})`;
    q = q
      .where(sql<boolean>`${key} >= ${after}`)
      .where(sql<boolean>`(${key}, ${id}) > (${after}, cast(${cursor.id} as ${sql.raw(keyset.idType)}))`);
  }
  return q as unknown as SelectQueryBuilder<DB, TB, O & { _key: string; _id: string }>;
}

/** Splits the extra row off and builds the next cursor. */
export function finishPage<R extends { _key: string; _id: string }>(rows: R[], limit: number): { rows: R[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return { rows: page, nextCursor: more && last ? encodeCursor({ key: last._key, id: last._id }) : null };
}
