import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useHarness } from '../support/test-app.ts';
import { pruneBookkeeping, refreshStatistics, retention } from '../../src/core/housekeeping/prune.ts';
import { housekeeping } from '../../jobs/definitions/housekeeping.ts';
import { createLogger } from '../../src/logger.ts';

const h = useHarness();
const DAY = 86_400_000;
const nothingPruned = { processedEvents: 0, outbox: 0, managerAlerts: 0, conversationStates: 0, linkNonces: 0, scheduledSends: 0, localChatMessages: 0, localDeliveries: 0, chartImages: 0, robotSends: 0, sessionWebhooks: 0 };
/** The job also coarsens old check-in locations (issue 16, test/privacy/retention.test.ts). */
const nothingDone = { ...nothingPruned, coarsenedCheckIns: 0 };

describe('housekeeping', () => {
  it('deletes bookkeeping past its retention, keeps the rest and everything pending, and a second run deletes nothing', async () => {
    const db = h.current.db;
    await h.current.register('alice');
    const now = h.current.clock.now();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const user = await db.selectFrom('users').select('id').executeTakeFirstOrThrow();

    await db.insertInto('processed_events').values([
      { platform: 'slack', event_id: 'old', processed_at: ago(retention.processedEventsDays + 1) },
      { platform: 'slack', event_id: 'recent', processed_at: ago(retention.processedEventsDays - 1) },
    ]).execute();
    await db.deleteFrom('outbox').execute();
    const outboxRow = async (text: string, status: 'pending' | 'sent' | 'failed', createdAt: Date, sentAt: Date | null) => {
      const row = await db.insertInto('outbox').values({ target_ref: 'local:user:a', message: JSON.stringify({ text }), created_at: createdAt }).returning('id').executeTakeFirstOrThrow();
      await db.updateTable('outbox').set({ status, sent_at: sentAt }).where('id', '=', row.id).execute();
    };
    await outboxRow('sent long ago', 'sent', ago(31), ago(31));
    await outboxRow('failed long ago', 'failed', ago(40), null);
    await outboxRow('sent lately', 'sent', ago(2), ago(2));
    // Pending, however old (a platform down for weeks): never deleted, still to be delivered.
    await outboxRow('still pending', 'pending', ago(60), null);
    await db.insertInto('conversation_states').values([
      { user_id: user.id, kind: 'awaitReportText', data: JSON.stringify({}), expires_at: ago(1) },
    ]).execute();
    await db.insertInto('location_tokens').values([
      { nonce: 'spent-long-ago', user_id: user.id, used_at: ago(3) },
      { nonce: 'spent-today', user_id: user.id, used_at: ago(0.1) },
    ]).execute();

    const org = await db.selectFrom('orgs').select('id').executeTakeFirstOrThrow();
    const send = (key: string, about: Date) => ({ key, kind: 'report', org_id: org.id, user_id: user.id, local_date: about.toISOString().slice(0, 10), created_at: about });
    await db.insertInto('scheduled_sends').values([send('reminder:report:old', ago(61)), send('reminder:report:recent', ago(59))]).execute();

    // A robot's sends past the pacing window, and DingTalk session webhooks past their expiry.
    await db.insertInto('robot_sends').values([{ robot: 'r1', sent_at: ago(1) }, { robot: 'r1', sent_at: ago(0.0001) }]).execute();
    const webhook = (eventId: string, expiresAt: Date) => ({ event_id: eventId, conversation_ref: 'dingtalk:group:c1', url: `https://oapi.dingtalk.com/robot/sendBySession?session=${eventId}`, expires_at: expiresAt, sender_user_id: 'u1', is_group: true });
    await db.insertInto('dingtalk_session_webhooks').values([webhook('expired', ago(0.01)), webhook('valid', new Date(now.getTime() + 60 * 60_000))]).execute();

    const first = await pruneBookkeeping({ db, now }, 1); // batches of one: the loop must go on until done
    expect(first).toEqual({ ...nothingPruned, processedEvents: 1, outbox: 2, conversationStates: 1, linkNonces: 1, scheduledSends: 1, robotSends: 1, sessionWebhooks: 1 });
    expect((await db.selectFrom('dingtalk_session_webhooks').select('event_id').execute()).map((r) => r.event_id)).toEqual(['valid']);
    expect(await db.selectFrom('robot_sends').select('robot').execute()).toHaveLength(1);
    expect(await pruneBookkeeping({ db, now })).toEqual(nothingPruned);
    expect((await db.selectFrom('scheduled_sends').select('key').execute()).map((r) => r.key)).toEqual(['reminder:report:recent']);

    expect((await db.selectFrom('processed_events').select('event_id').where('platform', '=', 'slack').execute()).map((r) => r.event_id)).toEqual(['recent']);
    const outbox = await db.selectFrom('outbox').select('message').orderBy('id').execute();
    expect(outbox.map((r) => (r.message as { text: string }).text)).toEqual(['sent lately', 'still pending']);
    expect((await db.selectFrom('location_tokens').select('nonce').execute()).map((r) => r.nonce)).toEqual(['spent-today']);
  });

  it('forgets managers\' alerts sent longer ago than finished outbox rows, and keeps those still waiting to go out', async () => {
    const db = h.current.db;
    await h.current.register('alice', 'bob');
    const now = h.current.clock.now();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const org = await db.selectFrom('orgs').select('id').executeTakeFirstOrThrow();
    const [manager, rep] = await db.selectFrom('users').select('id').orderBy('created_at').orderBy('id').execute();
    const alert = (about: string, createdAt: Date, sentAt: Date | null) => ({
      org_id: org.id,
      manager_id: manager!.id,
      subject_user_id: rep!.id,
      kind: 'offsite' as const,
      natural_key: `offsite:${about}:${manager!.id}`,
      detail: JSON.stringify({ person: 'bob', customer: 'Huawei', at: createdAt.toISOString(), distanceM: 900, radiusM: 500 }),
      created_at: createdAt,
      sent_at: sentAt,
    });
    await db.insertInto('manager_alerts').values([
      alert('sent-long-ago', ago(retention.finishedOutboxDays + 2), ago(retention.finishedOutboxDays + 1)),
      alert('sent-lately', ago(3), ago(2)),
      // Held (quiet hours, the manager's window): however old, it has still to reach the manager.
      alert('still-waiting', ago(retention.finishedOutboxDays + 30), null),
    ]).execute();
    const left = async () => (await db.selectFrom('manager_alerts').select('natural_key').orderBy('created_at').execute()).map((r) => r.natural_key.split(':')[1]);

    expect(await pruneBookkeeping({ db, now }, 1)).toEqual({ ...nothingPruned, managerAlerts: 1 });
    expect(await left()).toEqual(['still-waiting', 'sent-lately']);
    expect(await pruneBookkeeping({ db, now })).toEqual(nothingPruned);

    // A month on, the alert sent lately is past its retention too; the waiting one stays.
    expect((await pruneBookkeeping({ db, now: new Date(now.getTime() + retention.finishedOutboxDays * DAY) })).managerAlerts).toBe(1);
    expect(await left()).toEqual(['still-waiting']);
  });

  it('refreshes planner statistics (and vacuums on the embedded database)', async () => {
    const db = h.current.db;
    await h.current.register('alice', 'bob');
    await sql`delete from pg_statistic where starelid = 'users'::regclass`.execute(db).catch(() => undefined);
    await refreshStatistics({ db, embedded: h.current.app.database.kind === 'pglite' });
    const analyzed = await sql<{ n: number }>`select count(*)::int as n from pg_stats where tablename = 'users'`.execute(db);
    expect(analyzed.rows[0]!.n).toBeGreaterThan(0);
  });

  it('runs as a job with the runner context and reports what it pruned', async () => {
    const result = await housekeeping.handler(
      { db: h.current.db, clock: h.current.clock, logger: createLogger('silent'), embeddedDatabase: true, enqueue: async () => undefined },
      {},
    );
    expect(result).toEqual(nothingDone);
  });

  it('forgets the local chat\'s conversation and deliveries after their retention, by the clock', async () => {
    const db = h.current.db;
    const run = () => housekeeping.handler(
      { db, clock: h.current.clock, logger: createLogger('silent'), embeddedDatabase: false, enqueue: async () => undefined },
      {},
    );
    const ago = (days: number) => new Date(h.current.clock.now().getTime() - days * DAY);
    const said = (text: string, at: Date) => ({ target_ref: 'local:user:alice', from: 'user' as const, sender_id: 'alice', sender_name: 'alice', event_id: text, message: JSON.stringify({ text }), at });
    await db.insertInto('local_chat_messages').values([said('last month', ago(retention.localChatDays + 1)), said('last week', ago(7))]).execute();
    const delivered = (outboxId: string, text: string, at: Date) => ({ outbox_id: outboxId, target_ref: 'local:user:alice', text, message: JSON.stringify({ text }), delivered_at: at });
    await db.insertInto('local_deliveries').values([delivered('1', 'last month', ago(retention.localChatDays + 1)), delivered('2', 'last week', ago(7))]).execute();
    const left = async () => ({
      said: (await db.selectFrom('local_chat_messages').select('event_id').execute()).map((r) => r.event_id),
      delivered: (await db.selectFrom('local_deliveries').select('text').execute()).map((r) => r.text),
    });

    expect(await run()).toEqual({ ...nothingDone, localChatMessages: 1, localDeliveries: 1 });
    expect(await left()).toEqual({ said: ['last week'], delivered: ['last week'] });
    // What the web chat reads back is what is left.
    const res = await h.current.app.http.request('/local/conversation?userId=alice');
    expect(((await res.json()) as { text: string }[]).map((m) => m.text)).toEqual(['last week']);

    h.current.clock.advance((retention.localChatDays - 7 + 1) * DAY);
    expect(await run()).toEqual({ ...nothingDone, localChatMessages: 1, localDeliveries: 1 });
    expect(await left()).toEqual({ said: [], delivered: [] });
  });
});
