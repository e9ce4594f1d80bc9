import { describe, expect, it } from 'vitest';
import { whileDatabaseDown } from '../support/database-outage.ts';
import { deliver, directMessage, postEvent, useSlack, zhang } from './support.ts';

/** Issue #12 defect 1: with the database away, a Slack event answers 503 so Slack retries it. */
const ctx = useSlack();

describe('Slack event while the database is unavailable', () => {
  it('answers 503, and the retry after the database is back is handled', async () => {
    const event = directMessage(zhang, 'help');
    expect((await whileDatabaseDown(() => postEvent(ctx, event))).status).toBe(503);
    expect((await postEvent(ctx, event, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' } })).status).toBe(200);
    expect((await deliver(ctx)).posted.length).toBeGreaterThan(0);
  });
});
