import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/connect.ts';

export interface RunCheck {
  ok: boolean;
  checkInsIn: number;
  checkInsOut: number;
  openVisits: number;
  processedEvents: number;
  outboxUndelivered: number;
  problems: string[];
}

/**
 * What the run must have left in the service's database: one check-in row per accepted check-in,
 * one processed event per accepted message, one open visit per rep (each check-in closed the one
 * before), and an empty outbox. A fast run that lost or doubled rows would not be a result.
 */
export async function verifyRun(
  handle: DatabaseHandle,
  expected: { checkIns: number; messages: number; repsWithCheckIns: number },
): Promise<RunCheck> {
  const one = async (query: ReturnType<typeof sql<{ n: string | number }>>) => Number((await query.execute(handle.db)).rows[0]?.n ?? 0);
  const checkInsIn = await one(sql`select count(*) as n from check_ins where kind = 'in'`);
  const checkInsOut = await one(sql`select count(*) as n from check_ins where kind = 'out'`);
  const openVisits = await one(sql`select count(*) as n from visits where ended_at is null and source = 'check_in'`);
  const processedEvents = await one(sql`select count(*) as n from processed_events`);
  const outboxUndelivered = await one(sql`select count(*) as n from outbox where status <> 'sent'`);
  const problems: string[] = [];
  if (checkInsIn !== expected.checkIns) problems.push(`check-ins recorded ${checkInsIn}, accepted ${expected.checkIns}`);
  if (checkInsOut !== expected.checkIns - expected.repsWithCheckIns) {
    problems.push(`automatic check-outs ${checkInsOut}, expected ${expected.checkIns - expected.repsWithCheckIns}`);
  }
  if (openVisits !== expected.repsWithCheckIns) problems.push(`open visits ${openVisits}, expected one per rep (${expected.repsWithCheckIns})`);
  if (processedEvents !== expected.messages) problems.push(`processed events ${processedEvents}, accepted messages ${expected.messages}`);
  if (outboxUndelivered !== 0) problems.push(`${outboxUndelivered} outbox rows not delivered`);
  return { ok: problems.length === 0, checkInsIn, checkInsOut, openVisits, processedEvents, outboxUndelivered, problems };
}
