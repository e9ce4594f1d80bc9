import { describe, expect, it } from 'vitest';
import { countRows } from '../conversation/helpers.ts';
import { fixture, postInteraction, useSlack } from './support.ts';

const ctx = useSlack();

/**
 * Buttons on Node (Bolt, HonoSlackReceiver): Bolt's `app.action(/^legwork_link_/)` acks our link
 * buttons' taps; any other action has no listener, and the receiver answers it the same way once
 * processing is done. The Worker answers both alike (test/workers/slack-interactivity.workers.test.ts).
 */
describe('Slack block_actions on Node', () => {
  const tap = (actionId: string) => {
    const payload = fixture('block-actions-button');
    payload.actions = payload.actions.map((a: Record<string, unknown>) => ({ ...a, action_id: actionId }));
    return postInteraction(ctx, payload);
  };

  it.each(['legwork_link_0', 'another_apps_button'])('%s: an empty 200, nothing stored, no Web API call', async (actionId) => {
    const res = await tap(actionId);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(await countRows(ctx.h, 'processed_events')).toBe(0);
    expect(ctx.fake.calls).toEqual([]);
  });
});
