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
    expect(alert).toBe('提醒：王五 10:00 在腾讯的签到，手机报告其位置为模拟定位。\n关闭某类提醒可发送如“提醒 范围外 关”（或 模拟定位、迟交）；发送“提醒”查看全部。');
    expect(alert).not.toContain('虚拟');
    // The word the footer offers is one the switch understands.
    expect(await s.ask('张三', '提醒 模拟定位 关')).toBe('模拟定位提醒已关闭，每日简报里仍能看到。');
    expect(await s.ask('张三', '提醒')).toContain('• 模拟定位：关');
  });
});
