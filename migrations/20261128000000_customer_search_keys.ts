import { sql, type Kysely } from 'kysely';

/**
 * Stored search keys for customers, so naming a customer exactly (the usual check-in) is one indexed
 * lookup instead of reading every customer of the org on every message.
 *
 * The keys (pinyin, initials) are computed by the application; the database only guarantees they are
 * never stale: a change of name or aliases that does not also set the keys (an admin's SQL, an older
 * code path) clears them, and a customer with no keys is always a candidate, matched in code and
 * given fresh keys on the way. Existing customers start without keys for the same reason.
 * Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('customers').addColumn('search_keys', sql`text[]`).execute();
  await sql`create index customers_search_keys_idx on customers using gin (search_keys)`.execute(db);
  await sql`create index customers_without_search_keys_idx on customers (org_id) where search_keys is null`.execute(db);
  await sql`
    create function customers_clear_stale_search_keys() returns trigger language plpgsql as $$
    begin
      if (new.name is distinct from old.name or new.aliases is distinct from old.aliases)
         and new.search_keys is not distinct from old.search_keys then
        new.search_keys := null;
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger customers_clear_stale_search_keys before update on customers
    for each row execute function customers_clear_stale_search_keys()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists customers_clear_stale_search_keys on customers`.execute(db);
  await sql`drop function if exists customers_clear_stale_search_keys()`.execute(db);
  await db.schema.alterTable('customers').dropColumn('search_keys').execute();
}
