import pg from 'pg';
import { basicFailures, Deployment, seconds, type ChaosCase } from '../stack.ts';
import type { LocalMessage, SendOutcome } from '../platform-client.ts';
import { waitForAnswers } from '../verify.ts';

/**
 * A fixed-offset zone where it is now between 18:00 and 18:40 on a weekday: its reps are due their
 * daily-report reminder (report time 18:00, follow-up 19:00) at the next minute pass.
 */
function zoneAtReportTime(now: Date): string | undefined {
  for (let offset = -12; offset <= 14; offset++) {
    const local = new Date(now.getTime() + offset * 3_600_000);
    const day = local.getUTCDay();
    if (local.getUTCHours() === 18 && local.getUTCMinutes() <= 40 && day >= 1 && day <= 5) {
      // IANA's Etc zones have the sign inverted: Etc/GMT-13 is UTC+13.
      return offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
    }
  }
  return undefined;
}

/**
 * 2 web + 3 worker processes on one PostgreSQL and Redis for 5 minutes of steady chat while the
 * minute passes send every rep their daily-report reminder: every chat message answered once, every
 * rep reminded exactly once whichever process ran the pass. With --short (CI) the chat lasts until
 * every rep's reminder has been delivered (at least 20 s, at most 75 s): the next minute's pass is
 * then at most a minute after the moves, about half a minute on average.
 */
export const manyProcesses: ChaosCase = {
  name: 'many-processes',
  needsRedis: true,
  async run(context) {
    const durationMs = context.short ? 75_000 : 300_000;
    const shortestMs = 20_000;
    const setupStarted = performance.now();
    const deployment = await Deployment.create(context, 'many_processes', { redis: true });
    try {
      for (let i = 0; i < 2; i++) await deployment.start('web');
      for (let i = 0; i < 3; i++) await deployment.start('worker');
      const zone = zoneAtReportTime(new Date());
      const reps = Array.from({ length: context.short ? 30 : 100 }, (_, i) => `many-rep-${i}`);
      // The first person to write becomes the org's admin, not a rep (and gets no report reminder).
      // Registered alone, before the reps: sent together, the admin's first message raced the reps'
      // over two web processes and many-rep-0 often won, which read as "29 of 30 reps reminded".
      await deployment.register(['many-admin']);
      await deployment.register(reps);
      if (zone) {
        const moves = reps.map((user) => ({ id: `tz-${user}`, userId: user, text: `timezone ${zone}` }));
        await deployment.client.burst(moves, 8);
        await waitForAnswers(deployment.databaseUrl, moves.map((m) => m.id), moves.length, 60_000);
      }
      const sent: LocalMessage[] = [];
      const pending: Promise<SendOutcome>[] = [];
      const started = performance.now();
      const end = started + durationMs;
      // Short runs stop once every rep has their reminder (checked every 2 s, beside the chat).
      let allReminded = false;
      let lastCheck = started;
      for (let i = 0; performance.now() < end && !(context.short && allReminded && performance.now() - started >= shortestMs); i++) {
        const message = { id: `many-${i}`, userId: reps[i % reps.length]!, text: 'help' };
        sent.push(message);
        pending.push(deployment.client.post(message));
        await new Promise((r) => setTimeout(r, 200));
        if (context.short && performance.now() - lastCheck >= 2000) {
          lastCheck = performance.now();
          allReminded = zone ? (await remindersPerRep(deployment.databaseUrl, reps)).size === reps.length : true;
        }
      }
      const chatMs = performance.now() - started;
      const outcomes = await Promise.all(pending);
      const acked = outcomes.filter((o) => o.acked).length;
      const { tally } = await waitForAnswers(deployment.databaseUrl, sent.map((m) => m.id), acked, 60_000);
      const failures = basicFailures(tally, deployment.crashes());
      const notes: string[] = [`5 processes up, people registered and moved in ${seconds(started - setupStarted)}; chat for ${seconds(chatMs)}`];
      if (!zone) notes.push('scheduled sends not checked: no time zone is at its report time on a weekday right now');
      else {
        const reminded = await remindersPerRep(deployment.databaseUrl, reps);
        const missing = reps.filter((r) => !reminded.get(r));
        const twice = reps.filter((r) => (reminded.get(r) ?? 0) > 1);
        notes.push(`report reminders in ${zone}: ${reps.length - missing.length} of ${reps.length} reps reminded, ${twice.length} twice`);
        if (missing.length) failures.push(`${missing.length} reps never got their scheduled reminder: ${await describePeople(deployment.databaseUrl, missing)}`);
        if (twice.length) failures.push(`${twice.length} reps got their scheduled reminder more than once`);
      }
      return { name: this.name, tally, recoverWhat: '', notes, failures };
    } finally {
      await deployment.stop();
    }
  },
};

/** Who these people are in the database (role, zone, teams), to explain a missing reminder. */
async function describePeople(databaseUrl: string, users: string[]): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select i.external_id, u.role, u.time_zone,
         (select count(*) from users a where a.org_id = u.org_id and a.role = 'admin') as admins,
         (select string_agg(s.key || ' ' || s.created_at, ', ') from scheduled_sends s where s.user_id = u.id) as sends
       from identities i join users u on u.id = i.user_id where i.external_id = any($1)`,
      [users],
    );
    return rows.map((r) => `${r.external_id} (role ${r.role}, zone ${r.time_zone}, ${r.admins} admins in the org, sends: ${r.sends ?? 'none'})`).join('; ');
  } finally {
    await client.end();
  }
}

/** Scheduled messages (outbox rows with a natural key) delivered to each rep's inbox. */
async function remindersPerRep(databaseUrl: string, reps: string[]): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select o.target_ref, count(*) n from local_deliveries d join outbox o on o.id = d.outbox_id
       where o.dedupe_key like 'reminder:report:%' and o.target_ref = any($1) group by o.target_ref`,
      [reps.map((r) => `local:user:${r}`)],
    );
    return new Map(rows.map((r) => [String(r.target_ref).replace('local:user:', ''), Number(r.n)]));
  } finally {
    await client.end();
  }
}
