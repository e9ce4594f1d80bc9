import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { FakeSlack, type FakeUser } from '../../../test/slack/fake-slack.ts';
import { StormProxy } from '../storm-proxy.ts';
import { Deployment, type ChaosCase } from '../stack.ts';
import type { Tally } from '../verify.ts';

const secret = 'chaos-signing-secret-0123456789ab';
const ids = { team: 'T0LEGWORK', app: 'A0LEGWORK', botId: 'B0LEGBOT1', botUser: 'U0LEGBOT1', botToken: 'xoxb-1-2-chaoschaoschaos', appToken: 'xapp-1-A0LEGWORK-1-chaos' };
const eventFixture = JSON.parse(readFileSync(new URL('../../../test/slack/fixtures/event-message-im.json', import.meta.url), 'utf8'));

const rep = (i: number): FakeUser => ({ id: `U0STORM${i}`, name: `rep${i}`, realName: `Rep ${i}`, displayName: `Rep ${i}`, tz: 'Asia/Shanghai', tzOffset: 28800, locale: 'en-US' });
/** How the English answer to `help` begins (src/conversation/i18n/en-US.ts). */
const helpAnswerStart = 'Commands (examples):';
const dmOf = (user: FakeUser) => `D${user.id.slice(1)}`;

/** An Events API `message.im`, signed as Slack signs it (https://docs.slack.dev/authentication/verifying-requests-from-slack). */
function signedEvent(user: FakeUser, text: string, eventId: string): { body: string; headers: Record<string, string> } {
  const payload = structuredClone(eventFixture);
  payload.event_id = eventId;
  Object.assign(payload.event, { user: user.id, channel: dmOf(user), text, ts: `${Date.now() / 1000}`, client_msg_id: eventId });
  payload.event.blocks[0].elements[0].elements[0].text = text;
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { body, headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature } };
}

/**
 * Slack answers 429 with Retry-After to every post into one conversation for 20 s (8 s with --short)
 * while five others chat: they must be answered as usual during the storm, and the limited one
 * receives all its replies, once each, soon after the storm.
 */
export const rateLimitStorm: ChaosCase = {
  name: 'rate-limit-storm',
  needsRedis: false,
  async run(context) {
    const stormMs = context.short ? 8_000 : 20_000;
    const fake = await FakeSlack.start({ teamId: ids.team, botToken: ids.botToken, appToken: ids.appToken, botId: ids.botId, botUserId: ids.botUser, appId: ids.app });
    const proxy = await StormProxy.start(fake.apiUrl);
    const deployment = await Deployment.create(context, 'rate_limit_storm');
    try {
      const web = await deployment.start('web', {
        env: { SLACK_BOT_TOKEN: ids.botToken, SLACK_SIGNING_SECRET: secret, SLACK_API_URL: proxy.apiUrl, SLACK_BOT_ID: ids.botId, SLACK_BOT_USER_ID: ids.botUser },
      });
      const users = Array.from({ length: 6 }, (_, i) => rep(i));
      for (const user of users) fake.users.set(user.id, user);
      const [stormed, ...others] = users as [FakeUser, ...FakeUser[]];
      const send = async (user: FakeUser, eventId: string) => {
        // Slack retries an event its endpoint did not acknowledge with 2xx (https://docs.slack.dev/apis/events-api/#retries).
        for (let attempt = 0; attempt < 20; attempt++) {
          const { body, headers } = signedEvent(user, 'help', eventId);
          const res = await fetch(`${web.baseUrl}/slack/events`, { method: 'POST', headers, body }).catch(() => undefined);
          if (res?.ok) return true;
          await new Promise((r) => setTimeout(r, 500));
        }
        return false;
      };
      // First messages register everyone (welcome + answer), before the storm.
      await Promise.all(users.map((user) => send(user, `EvREG${user.id}`)));
      await until(() => users.every((u) => proxy.postsTo(dmOf(u)).length >= 2), 60_000);
      // Only the answers to `help` are counted: a reminder that falls due mid-run (18:00 report
      // reminders in a CI run at 18:05 Shanghai time) is a post of its own, not a reply sent twice.
      const helpAnswersTo = (u: FakeUser) => {
        const times = proxy.postsTo(dmOf(u));
        return (proxy.texts.get(dmOf(u)) ?? []).flatMap((text, i) => (text.startsWith(helpAnswerStart) ? [times[i]!] : []));
      };
      const base = new Map(users.map((u) => [u.id, helpAnswersTo(u).length]));

      const perUser = context.short ? 5 : 10;
      proxy.storm(dmOf(stormed), stormMs);
      const stormStart = performance.now();
      const sentAt = new Map<string, number[]>();
      const events: Promise<boolean>[] = [];
      for (let round = 0; round < perUser; round++) {
        for (const user of users) {
          sentAt.set(user.id, [...(sentAt.get(user.id) ?? []), performance.now()]);
          events.push(send(user, `EvSTORM${round}${user.id}`));
        }
        await new Promise((r) => setTimeout(r, stormMs / 2 / perUser));
      }
      const acked = (await Promise.all(events)).filter(Boolean).length;
      const delivered = (u: FakeUser) => helpAnswersTo(u).length - base.get(u.id)!;
      await until(() => users.every((u) => delivered(u) >= perUser), stormMs + 60_000);
      await new Promise((r) => setTimeout(r, 2000)); // anything sent twice would arrive by now
      const stormEnd = stormStart + stormMs;

      // Others: each reply's lag behind its message (n-th reply answers the n-th message in a conversation).
      const lags = others.flatMap((u) => helpAnswersTo(u).slice(base.get(u.id)!).map((at, n) => at - sentAt.get(u.id)![n]!));
      const worstOtherLag = Math.max(0, ...lags);
      const stormedDone = helpAnswersTo(stormed).at(-1);
      const otherPosts = users.flatMap((u) => (proxy.texts.get(dmOf(u)) ?? []).filter((t) => !t.startsWith(helpAnswerStart) && !t.startsWith('Welcome')));
      const recoverMs = stormedDone === undefined ? undefined : Math.max(0, stormedDone - stormEnd);
      const stored = await countStored(deployment.databaseUrl);
      const sent = users.length * perUser;
      const answered = users.reduce((n, u) => n + Math.min(delivered(u), perUser), 0);
      const duplicated = users.reduce((n, u) => n + Math.max(0, delivered(u) - perUser), 0);
      const tally: Tally = { sent, acked, stored, answered, lost: sent - answered, duplicated };
      const failures: string[] = [];
      if (tally.lost) failures.push(`${tally.lost} replies never delivered`);
      if (tally.duplicated) failures.push(`${tally.duplicated} replies delivered twice`);
      if (worstOtherLag > 5000) failures.push(`another conversation waited ${(worstOtherLag / 1000).toFixed(1)} s for a reply during the storm`);
      if (recoverMs === undefined || recoverMs > 10_000) failures.push(`the limited conversation got its last reply ${recoverMs === undefined ? 'never' : `${(recoverMs / 1000).toFixed(1)} s`} after the storm`);
      failures.push(...deployment.crashes());
      return {
        name: this.name,
        tally,
        recoverMs,
        recoverWhat: 'storm over → limited conversation fully delivered',
        notes: [
          `429 answers: ${proxy.rateLimited}; slowest reply elsewhere during the storm: ${(worstOtherLag / 1000).toFixed(1)} s`,
          ...(otherPosts.length ? [`not counted (not answers to help): ${otherPosts.map((t) => JSON.stringify(t.slice(0, 40))).join(', ')}`] : []),
        ],
        failures,
      };
    } finally {
      await deployment.stop();
      await proxy.close();
      await fake.close();
    }
  },
};

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

async function countStored(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query(`select count(*) n from processed_events where platform = 'slack' and event_id like 'EvSTORM%'`)).rows[0].n);
  } finally {
    await client.end();
  }
}
