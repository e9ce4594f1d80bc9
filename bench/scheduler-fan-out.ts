/**
 * Section 3 of `npm run bench:scheduler`: the platform API calls of a 1,000-person reminder fan-out,
 * through the real adapters pointed at the local fakes the adapter tests use.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import { ManualClock } from '../src/core/shared/clock.ts';
import { createLogger, type Logger } from '../src/logger.ts';
import { zonedDateTimeToInstant } from '../src/conversation/dates/local-date.ts';
import { runDueReminders } from '../src/core/reminders/run-due-reminders.ts';
import { createDeliveryLoop } from '../jobs/deliver/delivery-loop.ts';
import type { ChatAdapter } from '../bots/types.ts';
import { createConversationEngine, type ConversationEngine } from '../src/conversation/engine.ts';
import { createPersonQueries } from '../src/conversation/ports/person-queries.ts';
import { createWeComAdapter } from '../bots/wecom/index.ts';
import { createDingTalkAdapter } from '../bots/dingtalk/index.ts';
import { createSlackAdapter } from '../bots/slack/index.ts';
import { FakeQyapi } from '../test/wecom/support/fake-qyapi.ts';
import { FakeDingTalk } from '../test/dingtalk/fake-dingtalk.ts';
import { dmChannelOf, FakeSlack } from '../test/slack/fake-slack.ts';
import { createOrg, seedPeople } from './scheduler-seed.ts';

/** What one fake platform API recorded during the fan-out. */
interface FakeRecord {
  /** Requests to the message-sending endpoint. */
  sendCalls: number;
  /** Access-token fetches (none on Slack: the bot token is static). */
  tokenCalls: number;
  /** Every other request, by endpoint (e.g. Slack's conversations.open). */
  otherCalls: Record<string, number>;
  /** Messages each recipient got, by the id the platform knows them by, from the recorded bodies. */
  received: Map<string, number>;
}

/** One platform of the fan-out: its real adapter, pointed at the local fake the adapter tests use. */
interface FakePlatform {
  platform: string;
  /** The seeded people are `<idPrefix><n>` on the platform. */
  idPrefix: string;
  sendEndpoint: string;
  /** The fewest `sendEndpoint` calls the platform allows for `people` recipients. */
  minimum(people: number): number;
  adapter: ChatAdapter;
  record(): FakeRecord;
  close(): Promise<void>;
}

interface FanOutDeps {
  db: Kysely<Database>;
  clock: ManualClock;
  logger: Logger;
  engine: ConversationEngine;
}

function tally(ids: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** A fake's recorded calls as a FakeRecord: `send` is the sending endpoint, `token` the token fetch. */
function recordOf<C>(calls: readonly C[], endpoint: (call: C) => string, ends: { send: string; token?: string }, recipients: (call: C) => string[]): FakeRecord {
  const sent = calls.filter((c) => endpoint(c) === ends.send);
  return {
    sendCalls: sent.length,
    tokenCalls: calls.filter((c) => endpoint(c) === ends.token).length,
    otherCalls: Object.fromEntries(tally(calls.map(endpoint).filter((e) => e !== ends.send && e !== ends.token))),
    received: tally(sent.flatMap(recipients)),
  };
}

/** WeCom: the app's `message/send` takes up to 1,000 members a call (`touser: 'a|b|…'`). */
async function wecomOnFake({ clock, logger, engine }: FanOutDeps): Promise<FakePlatform> {
  const app = { corpId: 'bench-corp', secret: 'bench-secret', agentId: '1000002' };
  const fake = new FakeQyapi(app);
  await fake.start();
  const adapter = createWeComAdapter(
    { ...app, token: 'bench-token', encodingAesKey: 'A'.repeat(43), apiUrl: fake.url, locationSystem: 'gcj02', markdown: true },
    { engine, clock, logger },
  );
  const ends = { send: '/cgi-bin/message/send', token: '/cgi-bin/gettoken' };
  return {
    platform: 'wecom',
    idPrefix: 'wecom-',
    sendEndpoint: ends.send,
    minimum: (people) => Math.ceil(people / 1000),
    adapter,
    record: () => recordOf(fake.calls, (c) => c.path, ends, (c) => String(c.body?.touser ?? '').split('|')),
    async close() {
      await adapter.stop?.();
      await fake.stop();
    },
  };
}

/** DingTalk: the robot's `oToMessages/batchSend` takes up to 20 staff ids a call. */
async function dingtalkOnFake({ clock, logger, engine }: FanOutDeps): Promise<FakePlatform> {
  const app = { clientId: 'bench-client', clientSecret: 'bench-secret', robotCode: 'bench-robot' };
  const fake = await new FakeDingTalk(app).start();
  const adapter = await createDingTalkAdapter({ ...app, mode: 'http', apiUrl: fake.url }, { engine, clock, logger });
  const ends = { send: '/v1.0/robot/oToMessages/batchSend', token: '/v1.0/oauth2/accessToken' };
  return {
    platform: 'dingtalk',
    idPrefix: 'dingtalk-',
    sendEndpoint: ends.send,
    minimum: (people) => Math.ceil(people / 20),
    adapter,
    record: () => recordOf(fake.calls, (c) => c.path, ends, (c) => (Array.isArray(c.body?.userIds) ? (c.body.userIds as string[]) : [])),
    async close() {
      await adapter.stop?.();
      await fake.close();
    },
  };
}

/** Slack: no batch API, one `chat.postMessage` per person (the fake knows each of them as a user). */
async function slackOnFake({ db, clock, logger, engine }: FanOutDeps, people: number): Promise<FakePlatform> {
  const ids = { teamId: 'T0BENCH', botToken: 'xoxb-bench', appToken: 'xapp-bench', botId: 'B0BENCH', botUserId: 'U0LEGBOT', appId: 'A0BENCH' };
  const fake = await FakeSlack.start(ids);
  const idPrefix = 'U0BENCH';
  for (let n = 0; n < people; n++) {
    const id = `${idPrefix}${n}`;
    fake.users.set(id, { id, name: id.toLowerCase(), realName: id, displayName: id, tz: 'Asia/Shanghai', tzOffset: 28_800, locale: 'en-US' });
  }
  const adapter = await createSlackAdapter(
    { botToken: ids.botToken, signingSecret: 'bench-signing-secret', socketMode: false, apiUrl: fake.apiUrl, botId: ids.botId, botUserId: ids.botUserId },
    { engine, clock, logger, people: createPersonQueries({ db, clock }) },
  );
  const userOfDm = new Map([...fake.users.keys()].map((user) => [dmChannelOf(user), user]));
  const ends = { send: 'chat.postMessage' };
  return {
    platform: 'slack',
    idPrefix,
    sendEndpoint: ends.send,
    minimum: (n) => n,
    adapter,
    // The bot token is static: no token calls. A DM channel is mapped back to its person.
    record: () => recordOf(fake.calls, (c) => c.method, ends, (c) => [userOfDm.get(String(c.args.channel)) ?? `channel ${String(c.args.channel)}`]),
    async close() {
      await adapter.stop?.();
      await fake.close();
    },
  };
}

/** When the next pending outbox message may be claimed (held back by pacing, a rate limit or a lease), if any. */
async function nextPendingAt(db: Kysely<Database>): Promise<Date | undefined> {
  const { rows } = await sql<{ at: Date | string | null }>`
    select min(greatest(available_at, coalesce(locked_until, available_at))) as at from outbox where status = 'pending'`.execute(db);
  return rows[0]?.at ? new Date(rows[0].at) : undefined;
}

/** Outbox rows by platform and status. */
async function outboxByPlatform(db: Kysely<Database>): Promise<Map<string, Record<string, number>>> {
  const { rows } = await sql<{ platform: string; status: string; n: string }>`
    select split_part(target_ref, ':', 1) as platform, status, count(*) as n from outbox group by 1, 2`.execute(db);
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) out.set(r.platform, { ...out.get(r.platform), [r.status]: Number(r.n) });
  return out;
}

/**
 * Section 3: a `people`-person daily-report reminder on each of WeCom, DingTalk and Slack, through
 * the real reminder pass, outbox, delivery loop and platform adapters, each adapter talking to the
 * local fake of its platform's API. Counts the requests each fake received on its message-sending
 * endpoint against the platform minimum (WeCom `message/send` 1,000 users a call, DingTalk
 * `oToMessages/batchSend` 20, Slack `chat.postMessage` one per person: it has no batch API), token
 * fetches and other calls apart, and checks from the recorded bodies that everyone got exactly one
 * message and that the outbox ends empty. The loop drains until nothing is pending; a message held
 * back (pacing, rate limit) moves the clock to when it is due, reported as `heldBackMs`.
 */
export async function measureFanOut(db: Kysely<Database>, options: { people: number }) {
  const orgId = await createOrg(db, 'bench-fan-out');
  const clock = new ManualClock(zonedDateTimeToInstant('2026-10-30', '18:00', 'Asia/Shanghai'));
  const logger = createLogger('silent');
  const engine = createConversationEngine({
    db,
    clock,
    logger,
    defaults: { timeZone: 'Asia/Shanghai', language: 'en-US', checkinRadiusMeters: 500, reportDeadline: '20:00' },
    settings: { publicUrl: 'http://127.0.0.1', linkSecret: 'bench-link-secret', linkTtlMinutes: 30, maxTextLength: 4000, locationRetentionDays: 90 },
  });
  const deps: FanOutDeps = { db, clock, logger, engine };
  const platforms: FakePlatform[] = [];
  try {
    platforms.push(await wecomOnFake(deps), await dingtalkOnFake(deps), await slackOnFake(deps, options.people));
    for (const p of platforms) await seedPeople(db, { orgId, count: options.people, zones: ['Asia/Shanghai'], platform: p.platform, prefix: p.idPrefix });
    const written = (await runDueReminders({ db, clock })).written;
    const loop = createDeliveryLoop({ db, clock, logger, adapters: new Map(platforms.map((p) => [p.platform, p.adapter])) });
    const totals = { sent: 0, retried: 0, failed: 0 };
    let drains = 0;
    let heldBackMs = 0;
    const started = performance.now();
    while (drains < 20) {
      const drained = await loop.drainOnce();
      drains++;
      totals.sent += drained.sent;
      totals.retried += drained.retried;
      totals.failed += drained.failed;
      const next = await nextPendingAt(db);
      if (!next) break;
      if (next > clock.now()) {
        heldBackMs += next.getTime() - clock.now().getTime();
        clock.set(next);
      }
    }
    const ms = performance.now() - started;
    const outbox = await outboxByPlatform(db);
    return {
      written,
      ...totals,
      drains,
      ms,
      heldBackMs,
      outboxEmpty: [...outbox.values()].every((statuses) => !statuses.pending && !statuses.failed),
      platforms: platforms.map((p) => {
        const record = p.record();
        const expected = Array.from({ length: options.people }, (_, n) => `${p.idPrefix}${n}`);
        const reachedOnce = expected.filter((id) => record.received.get(id) === 1).length;
        const messages = [...record.received.values()].reduce((a, b) => a + b, 0);
        const minimum = p.minimum(options.people);
        return {
          platform: p.platform,
          people: options.people,
          /** Messages the fake received, one per recipient per request. */
          messages,
          reachedOnce,
          everyoneOnce: reachedOnce === options.people && messages === options.people,
          sendEndpoint: p.sendEndpoint,
          apiCalls: record.sendCalls,
          minimum,
          atMinimum: record.sendCalls === minimum,
          tokenCalls: record.tokenCalls,
          otherCalls: record.otherCalls,
          outbox: outbox.get(p.platform) ?? {},
        };
      }),
    };
  } finally {
    for (const p of platforms) await p.close();
  }
}
