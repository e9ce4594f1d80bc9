import pg from 'pg';

/** What happened to a set of inbound events, read from the service's database. */
export interface Tally {
  sent: number;
  /** Events the platform got a 2xx for. */
  acked: number;
  /** Events with a dedupe row: the service took them in. */
  stored: number;
  /** Events with at least one reply delivered to the conversation. */
  answered: number;
  /** Sent but never answered (by the end of the wait). */
  lost: number;
  /** Events with more than one reply row or more than one delivered reply (each `help` turn writes one). */
  duplicated: number;
}

/**
 * Counts stored, answered and duplicated events straight from the tables: `processed_events`
 * (dedupe), `outbox` (replies written, tagged with the event they answer) and `local_deliveries`
 * (what reached the local chat, one row per outbox id).
 */
export async function tally(databaseUrl: string, ids: string[], acked: number): Promise<Tally> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const one = async (text: string) => Number((await client.query(text, [ids])).rows[0].n);
    const stored = await one(`select count(*) n from processed_events where platform = 'local' and event_id = any($1)`);
    // The local mailbox keeps the rendered message; the event it answers is on its outbox row.
    const delivered = `local_deliveries d join outbox o on o.id = d.outbox_id where o.message->>'replyToEventId' = any($1)`;
    const answered = await one(`select count(distinct o.message->>'replyToEventId') n from ${delivered}`);
    const written = await one(
      `select count(*) n from (select 1 from outbox where message->>'replyToEventId' = any($1) group by message->>'replyToEventId' having count(*) > 1) t`,
    );
    const deliveredTwice = await one(`select count(*) n from (select 1 from ${delivered} group by o.message->>'replyToEventId' having count(*) > 1) t`);
    return { sent: ids.length, acked, stored, answered, lost: ids.length - answered, duplicated: Math.max(written, deliveredTwice) };
  } finally {
    await client.end();
  }
}

/** Polls `tally` until every sent event is answered or `timeoutMs` passes; returns the last tally and when it settled. */
export async function waitForAnswers(databaseUrl: string, ids: string[], acked: number, timeoutMs: number): Promise<{ tally: Tally; settledAt: number }> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const result = await tally(databaseUrl, ids, acked).catch(() => undefined);
    if (result && (result.answered >= ids.length || performance.now() > deadline)) return { tally: result, settledAt: performance.now() };
    if (!result && performance.now() > deadline) throw new Error('database unreachable while counting');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Creates a fresh database on the suite's own cluster and returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
