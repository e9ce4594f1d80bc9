import { sql, type Kysely } from 'kysely';

/**
 * Visit plans (issue 14): which customer a person means to visit on which local date, optionally at
 * what time, why and with what expected result; its state as the day unfolds and the visit that
 * fulfilled it. `typed_seq` keeps the order stops were typed in, so a day's route can say how much
 * shorter it is than that order. `plan_start_points` holds the start point a person set.
 * Manager assignments and changes go to the existing audit_log. Frozen in time: `Kysely<any>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;
  await db.schema
    .createTable('visit_plans')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('local_date', 'date', (c) => c.notNull())
    // Minutes after local midnight; null when the stop has no time.
    .addColumn('planned_minute', 'smallint', (c) => c.check(sql`planned_minute between 0 and 1439`))
    .addColumn('purpose', 'text')
    .addColumn('expected_result', 'text')
    .addColumn('state', 'text', (c) =>
      c.notNull().defaultTo('planned').check(sql`state in ('planned', 'done', 'missed', 'cancelled')`),
    )
    .addColumn('planned_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('visit_id', 'uuid', (c) => c.references('visits.id').onDelete('set null'))
    .addColumn('typed_seq', 'bigserial', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  // One live stop per person, customer and day: planning it again updates it instead of doubling it.
  await sql`create unique index visit_plans_one_live_stop on visit_plans (user_id, customer_id, local_date) where state <> 'cancelled'`.execute(db);
  await db.schema.createIndex('visit_plans_user_date_idx').on('visit_plans').columns(['user_id', 'local_date']).execute();
  await db.schema.createIndex('visit_plans_org_date_idx').on('visit_plans').columns(['org_id', 'local_date']).execute();
  // The leaderboard asks, per verified check-in, whether its visit fulfilled a plan.
  await sql`create index visit_plans_visit_idx on visit_plans (visit_id) where visit_id is not null`.execute(db);

  await db.schema
    .createTable('plan_start_points')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('plan_start_points').ifExists().execute();
  await db.schema.dropTable('visit_plans').ifExists().execute();
}
