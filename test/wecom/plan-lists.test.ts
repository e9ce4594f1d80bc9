import { describe, expect, it } from 'vitest';
import { textXml } from './support/callbacks.ts';
import { useWeComHarness } from './support/wecom-harness.ts';

/**
 * A day's plan on WeCom (issue 14). A template card carries at most six link buttons and about a
 * hundred characters of text, too little for a day's plan, so the plan is markdown with a check-in
 * link under each open stop; the reminder before a stop is a text card whose button is the link.
 * The harness starts Friday 2026-11-27 10:00 in Shanghai.
 */
const w = useWeComHarness();
let msgId = 7_000_000;

async function say(content: string) {
  await w.current.post(textXml({ from: 'wangwu', content, msgId: String(msgId++), createTime: w.current.createTime() }));
  return w.current.delivered();
}

async function opensPageFor(url: string, customer: string): Promise<void> {
  expect(url).toMatch(/^http:\/\/legwork\.test\/c\/[\w-]+\.[\w-]+$/);
  const page = await w.current.h.app.http.request(new URL(url).pathname);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain(customer);
}

describe('a plan on WeCom', () => {
  it('sends the day as markdown with a check-in link under each open stop', async () => {
    await say('新客户 华为 22.54,113.95');
    await say('新客户 腾讯 22.54,113.93');
    await say('计划 今天 华为 腾讯');
    const sent = await say('计划');
    expect(sent.map((m) => m.msgtype)).toEqual(['markdown']);
    const content = (sent[0]!.body.markdown as { content: string }).content;
    const lines = content.split('\n').filter((line) => line.trim());
    expect(lines[0]).toBe('**今天（11月27日 周五）的计划（按路线顺序）：**');
    // Two stops and no start point: either way is as short, so the typed order stands.
    expect(lines[1]).toBe('1. 华为 — 待拜访');
    expect(lines[2]).toMatch(/^\[签到：华为\]\(http:\/\/legwork\.test\/c\/[^)]+\)$/);
    expect(lines[3]).toBe('2. 腾讯 — 距上一站 2.1 公里 — 待拜访');
    expect(lines[4]).toMatch(/^\[签到：腾讯\]\(/);
    for (const [, label, url] of content.matchAll(/\[签到：([^\]]+)\]\(([^)]+)\)/g)) await opensPageFor(url!, label!);
  });

  it('reminds of a stop 30 minutes before with a text card whose button opens the location page', async () => {
    await say('新客户 华为 22.54,113.95');
    await say('计划 今天 华为 10:30');
    await w.current.h.app.scheduler.runDueNow();
    const sent = await w.current.delivered();
    const card = sent.find((m) => m.msgtype === 'textcard');
    expect(card).toBeDefined();
    const textcard = card!.body.textcard as { title: string; description: string; url: string };
    expect(textcard.title).toBe('30 分钟后拜访：华为 10:30。到达后请签到。');
    await opensPageFor(textcard.url, '华为');
  });
});
