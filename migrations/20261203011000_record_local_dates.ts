import { sql, type Kysely } from 'kysely';

/**
 * A visit's local date is fixed when it is written (issue #13): a rep changing their time zone later
 * must not move yesterday's visits to another day. `visits.local_date` is set by the code that writes
 * a visit (in the zone in force then: see src/core/users/record-zone.ts); the trigger fills it for a
 * writer that does not (an import, a seed) from the rep's zone at that moment. Existing visits get
 * theirs from their rep's zone now. `users.time_zone_changed_at` says when the zone last changed.
 * Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('time_zone_changed_at', 'timestamptz').execute();
  await db.schema.alterTable('visits').addColumn('local_date', 'date').execute();
  await sql`update visits v set local_date = (v.started_at at time zone u.time_zone)::date from users u where u.id = v.user_id`.execute(db);
  await sql`
    create function visits_fill_local_date() returns trigger language plpgsql as $$
    begin
      if new.local_date is null then
        select (new.started_at at time zone u.time_zone)::date into new.local_date from users u where u.id = new.user_id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger visits_fill_local_date before insert on visits for each row execute function visits_fill_local_date()`.execute(db);
  await sql`alter table visits alter column local_date set not null`.execute(db);
  await db.schema.createIndex('visits_user_local_date_idx').on('visits').columns(['user_id', 'local_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('visits_user_local_date_idx').execute();
  await sql`drop trigger visits_fill_local_date on visits`.execute(db);
  await sql`drop function visits_fill_local_date()`.execute(db);
  await db.schema.alterTable('visits').dropColumn('local_date').execute();
  await db.schema.alterTable('users').dropColumn('time_zone_changed_at').execute();
}
