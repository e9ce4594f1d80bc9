import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';

/**
 * Long answers in pages (issue 13): a manager of a large team reads `团队` / `team` a page at a time,
 * by the page's button (a quick answer, as the web chat and WeCom send it) or by typing `下一页` /
 * `next page`. 2026-11-27 is a Friday, 10:00 in Shanghai.
 */
const h = useHarness();

interface Delivered {
  text: string;
  choices?: { label: string; reply: string }[];
  questionId?: string;
}

const REPS = Array.from({ length: 40 }, (_, i) => `代表${String(i + 1).padStart(2, '0')}`);

async function inbox(user: string): Promise<Delivered[]> {
  await h.current.app.delivery.drainOnce();
  return (await h.current.newMessages(`/local/inbox/${encodeURIComponent(user)}`)) as Delivered[];
}

async function send(user: string, text: string, answers?: string): Promise<Delivered[]> {
  const res = await h.current.post({ userId: user, text, ...(answers ? { answers } : {}) });
  expect(res.status).toBe(202);
  return inbox(user);
}

/** 李四 (admin) makes 张三 manager of 华东, opens joining, and forty reps join. */
async function largeTeam(reps = REPS): Promise<void> {
  const s = h.current;
  await s.register('李四', '张三');
  await s.say('李四', '创建团队 华东 经理 张三');
  await s.say('李四', '加入方式 开放');
  for (const rep of reps) {
    await s.register(rep);
    await s.say(rep, '加入团队 华东');
  }
  await inbox('张三');
}

describe('a long team view in Chinese', () => {
  it('comes in numbered pages; the button shows the next, each rep once, and the last page offers no button', async () => {
    await largeTeam();
    const [first, ...others] = await send('张三', '团队');
    expect(others).toEqual([]);
    expect(first!.text.split('\n')[0]).toMatch(/（1\/2）$/u);
    expect(first!.text).toContain('第 1/2 页。回复"下一页"查看第 2 页。');
    expect(first!.choices).toEqual([{ label: '下一页（2/2）', reply: '下一页' }]);
    expect(first!.questionId).toBeTruthy();

    const [second] = await send('张三', first!.choices![0]!.reply, first!.questionId);
    expect(second!.text.split('\n')[0]).toMatch(/（2\/2）$/u);
    expect(second!.text).toContain('（续）');
    expect(second!.choices).toBeUndefined();
    const both = `${first!.text}\n${second!.text}`;
    for (const rep of REPS) expect(both.split(`${rep}：`).length - 1, rep).toBe(1);

    // Past the last page, and a tap on the first page's button again: nothing more, nothing repeated.
    expect((await send('张三', '下一页')).map((m) => m.text)).toEqual(['没有下一页了。要从头查看，请重新发送，例如"团队 昨天"。']);
    expect((await send('张三', '下一页', first!.questionId))[0]!.text).toContain('已经失效');
  });

  it('typed `更多` works as the button does; another command in between closes the pages', async () => {
    await largeTeam();
    await send('张三', '团队');
    expect((await send('张三', '更多'))[0]!.text.split('\n')[0]).toMatch(/（2\/2）$/u);
    await send('张三', '团队');
    await send('张三', '今天');
    expect((await send('张三', '下一页'))[0]!.text).toBe('没有下一页了。要从头查看，请重新发送，例如"团队 昨天"。');
  });

  it('a short answer stays one message without page numbers or a button', async () => {
    await largeTeam(REPS.slice(0, 3));
    const [only] = await send('张三', '团队');
    expect(only!.text).not.toMatch(/1\/\d/u);
    expect(only!.choices).toBeUndefined();
  });

  it('`日报 团队` pages the same way', async () => {
    await largeTeam();
    const [first] = await send('张三', '日报 团队');
    expect(first!.text.split('\n')[0]).toBe('团队今天的日报（1/2）');
    const [second] = await send('张三', '下一页');
    expect(second!.text.split('\n')[0]).toBe('团队今天的日报（2/2）');
    const both = `${first!.text}\n${second!.text}`;
    for (const rep of REPS) expect(both.includes(rep), rep).toBe(true);
  });

  it('while a report is awaited, `更多` is the report, not a page', async () => {
    await largeTeam(REPS.slice(0, 1));
    await send(REPS[0]!, '日报');
    const [answer] = await send(REPS[0]!, '更多');
    expect(answer!.text).toContain('日报已提交');
  });
});

describe('a long team view in English', () => {
  it('pages with "next page"', async () => {
    const s = h.current;
    await s.register('admin');
    await s.say('admin', 'language english');
    await s.say('admin', 'team create East manager admin');
    await s.say('admin', 'joining open');
    for (const rep of REPS) {
      await s.register(rep);
      await s.say(rep, '加入团队 East');
    }
    await inbox('admin');
    const [first] = await send('admin', 'team');
    expect(first!.text).toContain('Page 1 of 2. Reply "next page" for page 2.');
    expect(first!.choices).toEqual([{ label: 'Next page (2/2)', reply: 'next page' }]);
    const [second] = await send('admin', 'next page');
    expect(second!.text.split('\n')[0]).toMatch(/\(2\/2\)$/u);
    expect(second!.text).toContain('(continued)');
    expect((await send('admin', 'next page'))[0]!.text).toBe('There is no further page: ask again (for example "team yesterday") to see an answer from the start.');
  });
});
