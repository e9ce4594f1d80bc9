import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { useHarness } from '../support/test-app.ts';
import { userOf } from '../conversation/helpers.ts';
import { exportPersonData } from '../../src/core/privacy/export-person-data.ts';
import { sql } from 'kysely';

const h = useHarness();
const exportLink = /http:\/\/legwork\.test(\/privacy\/export\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/;

/** A rep (zhang) with a bit of everything: check-ins, notes, a report, a plan, a reminder, audit and access log lines. */
async function busyRep() {
  const s = h.current;
  await s.register('alice', 'zhang');
  await s.say('alice', '创建团队 华东');
  await s.say('alice', '加入方式 开放');
  await s.say('zhang', '加入团队 华东');
  await s.say('alice', '新客户 华为 22.54,113.95');
  await s.say('alice', '客户 华为 负责人 zhang');
  await s.say('zhang', '签到 华为 22.541234,113.951234');
  await s.say('zhang', '签退 见了采购，对报价有兴趣');
  await s.say('zhang', '计划 明天 华为 10:00 目的 演示新品');
  await s.say('alice', '团队 zhang');
  s.clock.set('2026-11-27T10:00:00Z'); // 18:00 in Shanghai: a report reminder
  await s.app.scheduler.runDueNow();
  await s.app.delivery.drainOnce();
  await s.say('zhang', '日报 今天拜访了华为');
  return userOf(s, 'zhang');
}

/**
 * The test's own reading of the schema: every foreign key to users, and every uuid column called
 * `user_id` or `*_user_id` (ledgers without foreign keys).
 */
async function referencesToUsers(harness: typeof h): Promise<{ table: string; column: string }[]> {
  const rows = await sql<{ table_name: string; column_name: string }>`
    select kcu.table_name, kcu.column_name
    from information_schema.referential_constraints rc
    join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = rc.unique_constraint_name and ccu.constraint_schema = rc.unique_constraint_schema
    where ccu.table_name = 'users' and kcu.table_schema = current_schema()
    union
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and data_type = 'uuid' and (column_name = 'user_id' or column_name like '%\\_user\\_id')`.execute(harness.current.db);
  return rows.rows.map((r) => ({ table: r.table_name, column: r.column_name }));
}

/** JSON as the export writes it (dates as ISO strings). */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('my data', () => {
  it('sends a one-time link privately; the zip holds every row about the person, one JSON file and a CSV per kind', async () => {
    const s = h.current;
    const zhang = await busyRep();
    const reply = await s.ask('zhang', '我的数据');
    expect(reply).toContain('这是 Legwork 保存的关于你的全部数据');
    expect(reply).toContain('链接仅可使用一次，15 分钟内有效');
    const path = exportLink.exec(reply)![1]!;

    // Opening the link (or a chat app previewing it) spends nothing; the button posts.
    const page = await s.app.http.request(path, { headers: { 'accept-language': 'zh-CN' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('下载你的数据');
    const download = await s.app.http.request(path, { method: 'POST' });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await download.arrayBuffer()));
    expect((await s.app.http.request(path, { method: 'POST' })).status).toBe(410);

    const data = JSON.parse(strFromU8(files['legwork-data.json']!)) as { person: { id: string }; kinds: Record<string, Record<string, unknown>[]> };
    expect(data.person.id).toBe(zhang.id);
    for (const kind of ['profile', 'identities', 'check-ins', 'visits', 'notes', 'reports', 'plans', 'reminders-sent', 'audit-entries-about-me', 'access-log']) {
      expect(data.kinds[kind]?.length ?? 0, kind).toBeGreaterThan(0);
      expect(files[`${kind}.csv`], kind).toBeDefined();
    }
    expect(data.kinds['check-ins']!.find((r) => r.kind === 'in')).toMatchObject({ lat: 22.541234, lng: 113.951234, status: 'verified' });
    expect(data.kinds.notes![0]).toMatchObject({ customer: '华为', notes: '见了采购，对报价有兴趣' });
    // UTF-8 with a byte order mark, so Excel reads Chinese correctly.
    expect([...files['check-ins.csv']!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(strFromU8(files['check-ins.csv']!)).toMatch(/^id,org_id,user_id,customer_id,visit_id,kind,at,lat,lng/);

    // Every row of every table that points at users (read from the schema, not from the exporter),
    // so a table added later and left out of the export fails here.
    const references = await referencesToUsers(h);
    expect(references.length).toBeGreaterThan(10);
    const exported = Object.values(data.kinds).flat();
    for (const { table, column } of references) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)} where ${sql.ref(column)} = ${zhang.id}`.execute(s.db);
      for (const row of rows.rows) expect(exported, `${table}.${column}`).toContainEqual(asJson(row));
    }
    const about = await s.db.selectFrom('audit_log').selectAll().where('subject_id', '=', zhang.id).execute();
    for (const row of about) expect(exported).toContainEqual(asJson(row));
    const result = await exportPersonData({ db: s.db, now: s.clock.now() }, { userId: zhang.id });
    expect(result.sources).toEqual(expect.arrayContaining(references.map((r) => `${r.table}.${r.column}`)));
  });

  it('answers in English; an expired or tampered link gives nothing', async () => {
    const s = h.current;
    await s.register('alice');
    await s.say('alice', 'language en');
    const reply = await s.ask('alice', 'my data');
    expect(reply).toContain('Here is everything Legwork holds about you, as a zip');
    expect(reply).toContain('The link works once, for 15 minutes.');
    const path = exportLink.exec(reply)![1]!;
    expect((await s.app.http.request(`${path}x`, { method: 'POST' })).status).toBe(404);
    s.clock.advance(16 * 60_000);
    const expired = await s.app.http.request(path, { method: 'POST', headers: { 'accept-language': 'en' } });
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This link has expired.');
  });

  it('never puts the link into a group chat', async () => {
    const s = h.current;
    await s.register('alice');
    const group = await s.say('alice', '我的数据', { channelId: 'sales' });
    expect(group).toEqual(['alice，后续内容已私信发给你（仅限你本人使用）。']);
    expect((await s.newMessages('/local/inbox/alice')).map((m) => m.text).join('\n')).toMatch(exportLink);
  });
});
