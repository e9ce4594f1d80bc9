import { describe, expect, it } from 'vitest';
import { expectNumberAnswersNewestList } from '../conversation/helpers.ts';
import { deliver, directMessage, postEvent, textOf, useSlack, zhang } from './support.ts';

/**
 * Slack shows the bot's lists as numbered text with buttons under them (test/slack/choices.test.ts);
 * a typed number answers the newest list, never an older one (issue #11 item 1).
 */
const ctx = useSlack();

async function dm(text: string): Promise<string> {
  expect((await postEvent(ctx, directMessage(zhang, text))).status).toBe(200);
  return (await deliver(ctx)).posted.map(textOf).join('\n');
}

describe('a typed number after a newer list', () => {
  it('answers the newer list', async () => {
    await expectNumberAnswersNewestList(ctx.h, dm);
  });
});
