import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { registerInEnglish } from './helpers.ts';

/**
 * Real-time alerts to a rep's manager (issue #13), through the chat and the scheduler as wired into
 * the service. 2026-11-27 is a Friday; everyone is in Asia/Shanghai (UTC+8); quiet hours are the
 * default 22:00–07:00 and the daily digest goes at 19:00.
 */
const h = useHarness();

/** About 2 km north of a customer at 22.54,113.95: outside the radius. */
const farFrom = (lat: number) => `${(lat + 0.018).toFixed(3)},113.95`;

async function managerInbox(id: string): Promise<string[]> {
  await h.current.app.delivery.drainOnce();
  return (await h.current.newMessages(`/local/inbox/${encodeURIComponent(id)}`)).map((m) => m.text);
}

/** The scheduler's passes at `instant`, as the minute tick would run them. */
async function passAt(instant: string): Promise<void> {
  h.current.clock.set(instant);
  await h.current.app.scheduler.runDueNow();
  await h.current.app.delivery.drainOnce();
}

/** 李四 admin; 张三 manages 华东; 王五 joins with 张三's approval and has three customers. */
async function chineseTeam(): Promise<void> {
  const s = h.current;
  await s.register('李四', '张三', '王五');
  await s.say('李四', '创建团队 华东 经理 张三');
  await s.say('王五', '加入团队 华东');
  await s.say('张三', '同意 王五');
  await s.say('王五', '新客户 华为 22.54,113.95');
  await s.say('王五', '新客户 腾讯 22.60,113.95');
  await s.say('王五', '新客户 中兴 22.66,113.95');
  await managerInbox('张三');
}

async function englishTeam(): Promise<void> {
  const s = h.current;
  for (const id of ['Li', 'Zhang', 'Wang']) await registerInEnglish(s, id);
  await s.say('Li', 'team create East manager Zhang');
  await s.say('Wang', 'join East');
  await s.say('Zhang', 'approve Wang');
  await s.say('Wang', 'new customer Huawei 22.54,113.95');
  await s.say('Wang', 'new customer Tencent 22.60,113.95');
  await managerInbox('Zhang');
}

describe('alerts to the manager in Chinese', () => {
  it('sends the first off-site check-in at once and batches the next ones into one message at the end of 10 minutes', async () => {
    await chineseTeam();
    const s = h.current;
    await s.say('王五', `签到 华为 ${farFrom(22.54)}`);
    const first = await managerInbox('张三');
    expect(first).toEqual([expect.stringMatching(/^提醒：王五 10:00 在华为签到，距离客户 [\d.]+ (?:米|公里)（范围 \d+ 米）。\n关闭某类提醒/u)]);

    s.clock.set('2026-11-27T02:02:00Z');
    await s.say('王五', `签到 腾讯 ${farFrom(22.6)}`);
    s.clock.set('2026-11-27T02:04:00Z');
    await s.say('王五', `签到 中兴 ${farFrom(22.66)}`);
    expect(await managerInbox('张三')).toEqual([]);
    await passAt('2026-11-27T02:09:00Z');
    expect(await managerInbox('张三')).toEqual([]);

    await passAt('2026-11-27T02:10:00Z');
    const batch = await managerInbox('张三');
    expect(batch).toHaveLength(1);
    expect(batch[0]!.split('\n').slice(0, 3)).toEqual([
      '2 条提醒（10:02–10:04）：',
      expect.stringMatching(/^• 王五 10:02 在腾讯签到，距离客户 [\d.]+ (?:米|公里)（范围 \d+ 米）。$/u),
      expect.stringMatching(/^• 王五 10:04 在中兴签到，距离客户 [\d.]+ (?:米|公里)（范围 \d+ 米）。$/u),
    ]);
    // A second pass (a double tick, the other runner) sends nothing more.
    await passAt('2026-11-27T02:11:00Z');
    expect(await managerInbox('张三')).toEqual([]);
    const rows = await s.db.selectFrom('manager_alerts').select(['kind', 'sent_at']).where('kind', '<>', 'joinRequest').execute();
    expect(rows.map((r) => [r.kind, r.sent_at !== null])).toEqual([
      ['offsite', true],
      ['offsite', true],
      ['offsite', true],
    ]);
  });

  it('holds alerts in quiet hours and sends them together when they end; a join request waits too', async () => {
    await chineseTeam();
    const s = h.current;
    s.clock.set('2026-11-27T15:00:00Z'); // 23:00
    await s.say('王五', `签到 华为 ${farFrom(22.54)}`);
    await s.register('孙七');
    await s.say('孙七', '加入团队 华东');
    expect(await managerInbox('张三')).toEqual([]);
    await passAt('2026-11-27T22:59:00Z'); // 06:59
    expect(await managerInbox('张三')).toEqual([]);
    await passAt('2026-11-27T23:00:00Z'); // 07:00
    const held = await managerInbox('张三');
    expect(held).toHaveLength(2);
    expect(held).toContain('孙七申请加入团队"华东"。回复"同意 孙七"或"拒绝 孙七"。');
    expect(held.find((m) => m.startsWith('提醒：'))).toMatch(/^提醒：王五 23:00 在华为签到，距离客户 [\d.]+ (?:米|公里)/u);
  });

  it('lets the manager switch a kind off and on, and lists the switches', async () => {
    await chineseTeam();
    const s = h.current;
    expect(await s.ask('张三', '提醒 范围外 关')).toBe('范围外签到提醒已关闭，每日简报里仍能看到。');
    await s.say('王五', `签到 华为 ${farFrom(22.54)}`);
    await passAt('2026-11-27T02:30:00Z');
    expect(await managerInbox('张三')).toEqual([]);
    expect(await s.ask('张三', '提醒')).toBe(
      '关于你团队成员的实时提醒：\n• 范围外签到：关\n• 模拟定位：开\n• 简报后迟交的日报：开\n• 无需审批的入队：开\n入队申请总是即时发送并带按钮（免打扰时段顺延）。\n开关示例：“提醒 范围外 关” / “提醒 迟交 开”。',
    );
    expect(await s.ask('张三', '提醒 范围外 开')).toBe('范围外签到提醒已开启：发生时即通知你（每 10 分钟最多一条消息，免打扰时段不发）。');
    await s.say('王五', `签到 腾讯 ${farFrom(22.6)}`);
    expect(await managerInbox('张三')).toEqual([expect.stringContaining('王五 10:30 在腾讯签到')]);
    // A rep who manages nothing is told so; `提醒` followed by other words stays prose.
    expect(await s.ask('王五', '提醒')).toContain('你还没有管理团队');
    expect(await s.ask('王五', '提醒 范围外')).toContain('提醒 范围外 关（范围外、模拟定位、迟交、入队；开 或 关）');
  });

  it('alerts a report filed after the digest went out, once', async () => {
    await chineseTeam();
    const s = h.current;
    await passAt('2026-11-27T11:00:00Z'); // 19:00: the digest lists 王五 as missing
    expect((await managerInbox('张三'))[0]).toContain('每日简报（2026-11-27）');
    s.clock.set('2026-11-27T11:30:00Z');
    await s.say('王五', '日报 今天跑了三家');
    expect(await managerInbox('张三')).toEqual([
      '提醒：王五 在 19:30 补交了 2026-11-27 的日报，此时每日简报已发出。发送“日报 王五”查看。\n关闭某类提醒可发送如“提醒 范围外 关”（或 模拟定位、迟交、入队）；发送“提醒”查看全部。',
    ]);
    s.clock.set('2026-11-27T11:45:00Z');
    await s.say('王五', '日报 今天跑了三家，改一下');
    await passAt('2026-11-27T12:00:00Z');
    expect(await managerInbox('张三')).toEqual([]);
  });

  it('does not alert a report filed before the digest', async () => {
    await chineseTeam();
    const s = h.current;
    s.clock.set('2026-11-27T10:30:00Z'); // 18:30
    await s.say('王五', '日报 今天跑了三家');
    expect(await managerInbox('张三')).toEqual([]);
  });
});

describe('alerts to the manager in English', () => {
  it('an off-site check-in, a simulated position from the location page, batching and the switches', async () => {
    await englishTeam();
    const s = h.current;
    await s.say('Wang', `checkin Huawei ${farFrom(22.54)}`);
    expect(await managerInbox('Zhang')).toEqual([expect.stringMatching(/^Alert: Wang checked in at Huawei at 10:00, [\d.]+ k?m from the customer \(radius \d+ m\)\.\nSwitch a kind off/u)]);

    // The phone reports a simulated position on the location page (DingTalk's isFromMock).
    s.clock.set('2026-11-27T02:03:00Z');
    const reply = (await s.say('Wang', 'checkin Tencent')).join('\n');
    const token = reply.match(/\/c\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/)![1]!;
    const res = await s.app.http.request(`/c/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lat: 22.6, lng: 113.95, accuracy: 5, mocked: true }),
    });
    expect(res.status).toBe(200);
    expect(await managerInbox('Zhang')).toEqual([]);
    await passAt('2026-11-27T02:10:00Z');
    expect(await managerInbox('Zhang')).toEqual([
      "Alert: Wang's check-in at Tencent at 10:03 came from a position the phone reported as simulated.\nSwitch a kind off with e.g. \"alerts offsite off\" (or mock, late, joined); \"alerts\" lists them.",
    ]);

    expect(await s.ask('Zhang', 'alerts mock off')).toBe('Simulated positions: alerts off. You will still see them in the digest.');
    expect(await s.ask('Zhang', 'alerts')).toContain('• Simulated positions: off');
    expect(await s.ask('Zhang', 'alerts late on')).toBe(
      'Reports filed after the digest: alerts on. They reach you as they happen (at most one message per 10 minutes, none in quiet hours).',
    );
    expect(await s.ask('Zhang', 'alerts offsite')).toContain('alerts offsite off (offsite, mock, late, joined; on or off)');
  });

  it('holds a join request in quiet hours and sends it with its buttons when they end', async () => {
    await englishTeam();
    const s = h.current;
    await registerInEnglish(s, 'Sun');
    s.clock.set('2026-11-27T14:30:00Z'); // 22:30
    await s.say('Sun', 'join East');
    expect(await managerInbox('Zhang')).toEqual([]);
    await passAt('2026-11-27T23:01:00Z'); // 07:01
    expect(await managerInbox('Zhang')).toEqual(['Sun asks to join team "East". Reply "approve Sun" or "decline Sun".']);
    expect(await s.ask('Zhang', 'approve Sun')).toBe('Sun joined team "East".');
  });
});
