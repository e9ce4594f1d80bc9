import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { runClosedLoop } from './load.ts';
import type { RawInsertResult } from './raw-insert.ts';

/**
 * The check-in target's baseline (service ≥ 0.5× this): the rows one check-in writes, written by hand with nothing
 * else around them. Per check-in one transaction (the dedupe row, the visit, the check-in, the reply
 * in the outbox), then the delivery's two writes (the local mailbox row, the outbox row marked
 * sent), as the service does. No HTTP, no reads, no matching or rendering: what is left between this
 * and the service is the engine itself. Same pool, concurrency and tables' indexes as the service.
 */
export async function measureRawTurns(handle: DatabaseHandle, options: { rows: number; concurrency: number; warmup?: number }): Promise<RawInsertResult> {
  const db = handle.db;
  await sql`drop table if exists bench_turn_events, bench_turn_visits, bench_turn_check_ins, bench_turn_outbox, bench_turn_mailbox`.execute(db);
  await sql`create table bench_turn_events (platform text not null, event_id text not null, processed_at timestamptz not null default now(), primary key (platform, event_id))`.execute(db);
  await sql`create table bench_turn_visits (id uuid primary key, org_id uuid not null, user_id uuid not null, customer_id uuid not null, source text not null, started_at timestamptz not null, ended_at timestamptz)`.execute(db);
  await sql`create unique index bench_turn_visits_open on bench_turn_visits (user_id) where ended_at is null`.execute(db);
  // The service's other visit indexes a check-in writes to (migrations/).
  await sql`create index bench_turn_visits_user_started on bench_turn_visits (user_id, started_at)`.execute(db);
  await sql`create index bench_turn_visits_customer_started on bench_turn_visits (customer_id, started_at)`.execute(db);
  await sql`create index bench_turn_visits_open_started on bench_turn_visits (started_at) where ended_at is null`.execute(db);
  await sql`
    create table bench_turn_check_ins (
      id uuid primary key default gen_random_uuid(), org_id uuid not null, user_id uuid not null, customer_id uuid not null,
      visit_id uuid not null, kind text not null, at timestamptz not null, lat double precision, lng double precision,
      distance_m double precision, radius_m integer not null, status text not null, source_platform text not null)`.execute(db);
  await sql`create index bench_turn_check_ins_user_at on bench_turn_check_ins (user_id, at)`.execute(db);
  // The service's other check-in indexes (migrations/), each a write per check-in there too.
  await sql`create index bench_turn_check_ins_org_at on bench_turn_check_ins (org_id, at)`.execute(db);
  await sql`create index bench_turn_check_ins_visit on bench_turn_check_ins (visit_id)`.execute(db);
  await sql`
    create table bench_turn_outbox (
      id bigserial primary key, target_ref text not null, message jsonb not null, dedupe_key text unique,
      status text not null default 'pending', available_at timestamptz not null default now(), sent_at timestamptz)`.execute(db);
  await sql`create index bench_turn_outbox_pending on bench_turn_outbox (target_ref, id) where status = 'pending'`.execute(db);
  await sql`create table bench_turn_mailbox (outbox_id bigint primary key, target_ref text not null, text text not null)`.execute(db);

  const orgId = randomUUID();
  const customerId = randomUUID();
  const turn = async (i: number) => {
    const userId = randomUUID();
    const visitId = randomUUID();
    const outbox = await db.transaction().execute(async (trx) => {
      await sql`insert into bench_turn_events (platform, event_id) values ('local', ${`bench-${i}-${randomUUID()}`}) on conflict do nothing`.execute(trx);
      await sql`insert into bench_turn_visits (id, org_id, user_id, customer_id, source, started_at) values (${visitId}, ${orgId}, ${userId}, ${customerId}, 'check_in', now())`.execute(trx);
      await sql`
        insert into bench_turn_check_ins (org_id, user_id, customer_id, visit_id, kind, at, lat, lng, distance_m, radius_m, status, source_platform)
        values (${orgId}, ${userId}, ${customerId}, ${visitId}, 'in', now(), 31.2, 121.4, 29, 500, 'verified', 'local')`.execute(trx);
      const row = await sql<{ id: string }>`
        insert into bench_turn_outbox (target_ref, message) values (${`local:user:${userId}`}, ${JSON.stringify({ text: 'Checked in at C1 ✓ verified (29 m from the customer).' })})
        returning id`.execute(trx);
      return row.rows[0]!.id;
    });
    await sql`insert into bench_turn_mailbox (outbox_id, target_ref, text) values (${outbox}, 'local:user:x', 'Checked in') on conflict do nothing`.execute(db);
    await sql`update bench_turn_outbox set status = 'sent', sent_at = now() where id = ${outbox}`.execute(db);
  };

  const warmup = options.warmup ?? 100;
  await runClosedLoop(Array.from({ length: warmup }, (_, i) => i), { concurrency: options.concurrency, keyOf: String }, turn);
  const started = performance.now();
  await runClosedLoop(Array.from({ length: options.rows }, (_, i) => warmup + i), { concurrency: options.concurrency, keyOf: String }, turn);
  const elapsedMs = performance.now() - started;
  await sql`drop table bench_turn_events, bench_turn_visits, bench_turn_check_ins, bench_turn_outbox, bench_turn_mailbox`.execute(db);
  return { rows: options.rows, elapsedMs, perSecond: (options.rows / elapsedMs) * 1000 };
}
