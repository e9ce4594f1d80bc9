import { sql, type RawBuilder } from 'kysely';

/**
 * The conversation ref that reaches a person 1:1: the `direct_ref` of their most recently created
 * identity that has one (someone on two platforms is reached where they joined last). A correlated
 * subquery, so a scan of many people fetches refs in the same statement. A deactivated person has
 * none (issue 16): nothing scheduled reaches someone who left.
 */
export function directRefOf(userIdColumn: string): RawBuilder<string | null> {
  return sql<string | null>`(
    select i.direct_ref from identities i
    where i.user_id = ${sql.ref(userIdColumn)} and i.direct_ref is not null
      and not exists (select 1 from users du where du.id = i.user_id and du.deactivated_at is not null)
    order by i.created_at desc, i.platform desc
    limit 1)`;
}
