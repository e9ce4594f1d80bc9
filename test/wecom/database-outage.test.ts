import { describe, expect, it } from 'vitest';
import { whileDatabaseDown } from '../support/database-outage.ts';
import { signedCallback, textXml } from './support/callbacks.ts';
import { useWeComHarness } from './support/wecom-harness.ts';

/** Issue #12 defect 1: with the database away, a WeCom callback answers 503 so WeCom retries it. */
const w = useWeComHarness();

describe('WeCom callback while the database is unavailable', () => {
  it('answers 503, and the retry after the database is back is handled', async () => {
    const callback = signedCallback(textXml({ from: 'zhangsan', content: '帮助', msgId: '9001', createTime: w.current.createTime() }));
    const res = await whileDatabaseDown(() => w.current.post(callback));
    expect(res.status).toBe(503);
    expect((await w.current.post(callback)).status).toBe(200);
    expect((await w.current.delivered()).length).toBeGreaterThan(0);
  });
});
