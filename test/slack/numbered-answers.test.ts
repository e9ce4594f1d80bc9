import { describe, expect, it } from 'vitest';
import { checkedInCustomers } from '../conversation/helpers.ts';
import { deliver, directMessage, postEvent, textOf, useSlack, zhang } from './support.ts';

/**
 * Slack shows the bot's lists as numbered text (no buttons), so the only answer is a typed number:
 * it answers the newest list, never an older one (issue #11 item 1).
 */
const ctx = useSlack();

async function dm(text: string): Promise<string> {
  expect((await postEvent(ctx, directMessage(zhang, text))).status).toBe(200);
  return (await deliver(ctx)).posted.map(textOf).join('\n');
}

describe('a typed number after a newer list', () => {
  it('answers the newer list', async () => {
    for (const name of ['华为终端 22.54,113.95', '华为技术 22.60,113.90', '百度大厦 22.535,113.94', '百度科技园 22.53,113.93']) await dm(`新客户 ${name}`);
    expect(await dm('签到 华为')).toMatch(/1\. 华为/);
    const newer = await dm('签到 百度');
    const first = /1\. (百度\S+)/.exec(newer)?.[1];
    expect(first).toBeDefined();
    expect(await dm('1')).toContain(`已在 ${first} 签到`);
    expect(await checkedInCustomers(ctx.h)).toEqual([first]);
  });
});
