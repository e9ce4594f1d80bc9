import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { runClosedLoop } from './load.ts';

/** The baseline table: check_ins' columns and indexes, without foreign keys or checks. */
interface BenchCheckInsTable {
  id?: string;
  org_id: string;
  user_id: string;
  customer_id: string;
  visit_id: string;
  kind: string;
  at: Date;
  lat: number | null;
  lng: number | null;
  original_lat: number | null;
  original_lng: number | null;
  original_system: string | null;
  accuracy_m: number | null;
  accuracy_flagged: boolean;
  mocked: boolean;
  distance_m: number | null;
  radius_m: number;
  status: string;
  source_platform: string;
}

export interface RawInsertResult {
  rows: number;
  elapsedMs: number;
  perSecond: number;
}

/**
 * The ceiling the service is compared with: one autocommitted single-row INSERT per check-in, with
 * the same concurrency over the same kind of pool, through kysely as the service's own queries go.
 * Whatever the service does beyond this (HTTP, JSON, dedupe, identity, matching, the visit, the
 * outbox, delivery) is what the ratio measures.
 */
export async function measureRawInserts(handle: DatabaseHandle, options: { rows: number; concurrency: number; warmup?: number }): Promise<RawInsertResult> {
  const db = handle.db.withTables<{ bench_check_ins: BenchCheckInsTable }>();
  await sql`drop table if exists bench_check_ins`.execute(db);
  await sql`
    create table bench_check_ins (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null, user_id uuid not null, customer_id uuid not null, visit_id uuid not null,
      kind text not null, at timestamptz not null,
      lat double precision, lng double precision,
      original_lat double precision, original_lng double precision, original_system text,
      accuracy_m double precision, accuracy_flagged boolean not null default false,
      mocked boolean not null default false, distance_m double precision, radius_m integer not null,
      status text not null, source_platform text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index bench_check_ins_user_at_idx on bench_check_ins (user_id, at) include (kind, status, visit_id)`.execute(db);
  await sql`create index bench_check_ins_org_at_idx on bench_check_ins (org_id, at)`.execute(db);

  const orgId = randomUUID();
  const users = Array.from({ length: 50 }, () => randomUUID());
  const customers = Array.from({ length: 200 }, () => randomUUID());
  const row = (i: number): BenchCheckInsTable => ({
    org_id: orgId,
    user_id: users[i % users.length]!,
    customer_id: customers[i % customers.length]!,
    visit_id: randomUUID(),
    kind: 'in',
    at: new Date(),
    lat: 31.2 + (i % 100) / 1000,
    lng: 121.4 + (i % 100) / 1000,
    original_lat: 31.2 + (i % 100) / 1000,
    original_lng: 121.4 + (i % 100) / 1000,
    original_system: 'wgs84',
    accuracy_m: 20,
    accuracy_flagged: false,
    mocked: false,
    distance_m: 25,
    radius_m: 500,
    status: 'verified',
    source_platform: 'local',
  });
  const insert = (i: number) => db.insertInto('bench_check_ins').values(row(i)).execute().then(() => undefined);

  // Warm-up (JIT, PGlite's buffers, the pool's connections) outside the timed part, as seeding is for the service.
  const warmup = options.warmup ?? 200;
  await runClosedLoop(Array.from({ length: warmup }, (_, i) => i), { concurrency: options.concurrency, keyOf: String }, insert);

  const jobs = Array.from({ length: options.rows }, (_, i) => warmup + i);
  const started = performance.now();
  await runClosedLoop(jobs, { concurrency: options.concurrency, keyOf: String }, insert);
  const elapsedMs = performance.now() - started;
  await sql`drop table bench_check_ins`.execute(db);
  return { rows: options.rows, elapsedMs, perSecond: (options.rows / elapsedMs) * 1000 };
}
