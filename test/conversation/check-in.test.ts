import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';

const h = useHarness();

describe('check-in through the local chat', () => {
  it('verifies a check-in within the radius, in Chinese', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    const reply = await h.current.ask('alice', '签到 华为 22.541,113.951');
    expect(reply).toContain('已在 华为 签到 ✓');
  });

  it('answers a redelivered message once and records one check-in', async () => {
    await h.current.register('alice');
    await h.current.say('alice', 'new customer Huawei 22.54,113.95');
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(...(await h.current.say('alice', 'checkin Huawei 22.54,113.95', { id: 'evt-1' })));
    expect(replies).toHaveLength(1);
    const rows = await h.current.db.selectFrom('check_ins').selectAll().execute();
    expect(rows).toHaveLength(1);
  });
});
