import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { locationLink, registerInEnglish } from './helpers.ts';

/**
 * Issue #13 tried as its users would (a manager reading alerts and their team's week, reps checking
 * in, a newcomer saying hello), in both languages. 2026-11-27 is a Friday; everyone is in
 * Asia/Shanghai (UTC+8); quiet hours are the default 22:00–07:00; workdays Monday to Friday.
 */
const h = useHarness();

async function inbox(id: string): Promise<string[]> {
  await h.current.app.delivery.drainOnce();
  return (await h.current.newMessages(`/local/inbox/${encodeURIComponent(id)}`)).map((m) => m.text);
}

/** The scheduler's passes at `instant`, as the minute tick would run them. */
async function passAt(instant: string): Promise<void> {
  h.current.clock.set(instant);
  await h.current.app.scheduler.runDueNow();
  await h.current.app.delivery.drainOnce();
}

/** Posts a position to the location page the bot linked in `reply`, as the page's script does. */
async function submitOnPage(reply: string, body: Record<string, unknown>): Promise<void> {
  const token = locationLink.exec(reply)![1]!;
  const res = await h.current.app.http.request(`/c/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
}

/** 李四 admin; 张三 manages 华东; 王五 joins with 张三's approval and has two customers. */
async function chineseTeam(): Promise<void> {
  const s = h.current;
  await s.register('李四', '张三', '王五');
  await s.say('李四', '创建团队 华东 经理 张三');
  await s.say('王五', '加入团队 华东');
  await s.say('张三', '同意 王五');
  await s.say('王五', '新客户 华为 22.54,113.95');
  await s.say('王五', '新客户 腾讯 22.60,113.95');
  await inbox('张三');
}

describe('the simulated-position alert in Chinese', () => {
  it('calls it 模拟定位 everywhere the manager reads it: the alert, its footer, the switch and the list', async () => {
    await chineseTeam();
    const s = h.current;
    const reply = (await s.say('王五', '签到 腾讯')).join('\n');
    await submitOnPage(reply, { lat: 22.6, lng: 113.95, accuracy: 5, mocked: true });
    const [alert] = await inbox('张三');
    expect(alert).toBe('提醒：王五 10:00 在腾讯的签到，手机报告其位置为模拟定位。\n关闭某类提醒可发送如“提醒 范围外 关”（或 模拟定位、迟交、入队）；发送“提醒”查看全部。');
    expect(alert).not.toContain('虚拟');
    // The word the footer offers is one the switch understands.
    expect(await s.ask('张三', '提醒 模拟定位 关')).toBe('模拟定位提醒已关闭，每日简报里仍能看到。');
    expect(await s.ask('张三', '提醒')).toContain('• 模拟定位：关');
  });
});

describe('alerts held in quiet hours', () => {
  it('are not sent after the manager switched their kind off meanwhile; the other kinds still go, once', async () => {
    await chineseTeam();
    const s = h.current;
    s.clock.set('2026-11-27T15:00:00Z'); // 23:00
    await s.say('王五', '签到 华为 22.558,113.95');
    s.clock.set('2026-11-27T15:20:00Z');
    const reply = (await s.say('王五', '签到 腾讯')).join('\n');
    await submitOnPage(reply, { lat: 22.6, lng: 113.95, accuracy: 5, mocked: true });
    expect(await inbox('张三')).toEqual([]);
    s.clock.set('2026-11-27T15:30:00Z');
    expect(await s.ask('张三', '提醒 范围外 关')).toBe('范围外签到提醒已关闭，每日简报里仍能看到。');
    await passAt('2026-11-27T23:00:00Z'); // 07:00
    expect(await inbox('张三')).toEqual([
      '提醒：王五 23:20 在腾讯的签到，手机报告其位置为模拟定位。\n关闭某类提醒可发送如“提醒 范围外 关”（或 模拟定位、迟交、入队）；发送“提醒”查看全部。',
    ]);
    await passAt('2026-11-27T23:30:00Z');
    expect(await inbox('张三')).toEqual([]);
    // Switched on again, it reaches the manager as before (nothing held is replayed).
    expect(await s.ask('张三', '提醒 范围外 开')).toContain('范围外签到提醒已开启');
    s.clock.set('2026-11-28T00:00:00Z'); // 08:00
    await s.say('王五', '签到 华为 22.558,113.95');
    expect(await inbox('张三')).toEqual([expect.stringMatching(/^提醒：王五 08:00 在华为签到，距离客户 2\.0 公里（范围 500 米）。/u)]);
  });
});

describe('joining at once with open joining', () => {
  it('tells the manager in Chinese, as an alert: batched, a switch, held in quiet hours', async () => {
    const s = h.current;
    await s.register('李四', '张三', '王五', '赵六', '孙七');
    expect(await s.ask('李四', '加入方式 开放')).toBe('现在任何人都可以直接加入团队，无需审批。');
    await s.say('李四', '创建团队 华东 经理 张三');
    await inbox('张三');
    expect(await s.ask('王五', '加入团队 华东')).toBe('你已加入团队"华东"。');
    expect(await inbox('张三')).toEqual([
      '提醒：王五 10:00 加入了你的团队"华东"（无需审批）。发送"移出团队 王五 华东"可将其移出。\n关闭某类提醒可发送如“提醒 范围外 关”（或 模拟定位、迟交、入队）；发送“提醒”查看全部。',
    ]);
    // A second one within 10 minutes waits for the window, then comes as one message.
    s.clock.set('2026-11-27T02:05:00Z');
    await s.say('赵六', '加入团队 华东');
    expect(await inbox('张三')).toEqual([]);
    await passAt('2026-11-27T02:10:00Z');
    expect(await inbox('张三')).toEqual([expect.stringMatching(/^提醒：赵六 10:05 加入了你的团队"华东"（无需审批）。/u)]);
    // The command it offers works.
    expect(await s.ask('张三', '移出团队 王五 华东')).toContain('王五');
    // Switched off, nothing comes; the switch is listed.
    expect(await s.ask('张三', '提醒 入队 关')).toBe('无需审批的入队提醒已关闭，新成员仍会出现在每日简报里。');
    expect(await s.ask('张三', '提醒')).toContain('• 无需审批的入队：关');
    s.clock.set('2026-11-27T03:00:00Z');
    await s.say('孙七', '加入团队 华东');
    await passAt('2026-11-27T03:30:00Z');
    expect(await inbox('张三')).toEqual([]);
  });

  it('in quiet hours the manager hears of it when they end; an admin joining is told too (English)', async () => {
    const s = h.current;
    for (const id of ['Li', 'Zhang', 'Wang']) await registerInEnglish(s, id);
    await s.say('Li', 'joining open');
    await s.say('Li', 'team create East manager Zhang');
    await inbox('Zhang');
    s.clock.set('2026-11-27T15:00:00Z'); // 23:00
    expect(await s.ask('Wang', 'join East')).toBe('You joined team "East".');
    expect(await inbox('Zhang')).toEqual([]);
    await passAt('2026-11-27T23:00:00Z'); // 07:00
    expect(await inbox('Zhang')).toEqual([
      'Alert: Wang joined your team "East" at 23:00 (no approval needed). "remove Wang from East" takes them out.\nSwitch a kind off with e.g. "alerts offsite off" (or mock, late, joined); "alerts" lists them.',
    ]);
    s.clock.set('2026-11-28T02:00:00Z');
    expect(await s.ask('Li', 'join East')).toBe('You joined team "East".');
    expect(await inbox('Zhang')).toEqual([expect.stringMatching(/^Alert: Li joined your team "East" at 10:00/u)]);
    expect(await s.ask('Zhang', 'alerts joined off')).toBe('People joining without approval: alerts off. New members still appear in your digest.');
  });
});
