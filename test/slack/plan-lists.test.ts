import { describe, expect, it } from 'vitest';
import { bob, deliver, directMessage, postEvent, useSlack } from './support.ts';

/**
 * A day's plan on Slack (issue 14): Block Kit, one section per stop with a check-in button beside
 * it that opens the location page for that customer. Bob is in Los Angeles: at the harness's start
 * (2026-11-27T02:00Z) it is Thursday 18:00 there.
 */
const ctx = useSlack();

async function say(text: string): Promise<any[]> {
  await postEvent(ctx, directMessage(bob, text));
  return (await deliver(ctx)).posted;
}

describe('a plan on Slack', () => {
  it('renders each open stop as a section with a check-in button that opens the location page for that customer', async () => {
    await say('help');
    await say('new customer Huawei 22.54,113.95');
    await say('new customer Tencent 22.54,113.93');
    await say('new customer ZTE 22.54,113.94');
    expect((await say('plan today Huawei, Tencent, ZTE'))[0].args.text).toMatch(/^Planned for today/);
    await say('checkin ZTE 22.54,113.94');
    const [plan] = await say('plan');
    const blocks = plan.args.blocks as any[];
    expect(blocks.map((b) => b.type)).toEqual(['section', 'section', 'section', 'section', 'section']);
    expect(blocks[0].text.text).toMatch(/^\*Plan for today \(Thu Nov 26\), in route order:\*$/);
    // Route order from the first check-in (ZTE): ZTE (done, no button), then Huawei or Tencent.
    expect(blocks[1].text.text).toMatch(/^1\. ZTE — .*done ✓/);
    expect(blocks[1].accessory).toBeUndefined();
    const buttons = blocks.slice(2, 4).map((b) => b.accessory);
    expect(buttons.map((b) => b.text.text).sort()).toEqual(['Check in: Huawei', 'Check in: Tencent']);
    for (const [i, button] of buttons.entries()) {
      expect(button).toMatchObject({ type: 'button', action_id: `legwork_link_s${i + 2}` });
      expect(button.url).toMatch(/^http:\/\/legwork\.test\/c\/[\w-]+\.[\w-]+$/);
      const page = await ctx.h.app.http.request(new URL(button.url).pathname);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(button.text.text.replace('Check in: ', ''));
    }
    expect(blocks[4].text.text).toMatch(/^Total /);
    // The notification text carries the links too.
    expect(plan.args.text.match(/Check in here: http:\/\/legwork\.test\/c\//g)).toHaveLength(2);
  });

  it('a plan for another day gets no check-in buttons (links are minted for today only)', async () => {
    await say('help');
    await say('new customer Huawei 22.54,113.95');
    await say('plan tomorrow Huawei');
    const [plan] = await say('plan tomorrow');
    expect((plan.args.blocks as any[]).some((b) => b.accessory)).toBe(false);
    expect(plan.args.text).not.toContain('/c/');
  });
});
