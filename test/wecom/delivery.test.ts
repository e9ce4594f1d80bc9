import { describe, expect, it } from 'vitest';
import { textXml } from './support/callbacks.ts';
import { useWeComHarness } from './support/wecom-harness.ts';

const w = useWeComHarness();
let msgId = 5_000_000;

const say = (from: string, content: string) =>
  w.current.post(textXml({ from, content, msgId: String(msgId++), createTime: w.current.createTime() }));

async function outbox() {
  return w.current.h.db.selectFrom('outbox').select(['target_ref', 'status', 'attempts', 'available_at', 'last_error']).orderBy('id').execute();
}

describe('WeCom replies through the outbox', () => {
  it('marks a reply to a member WeCom refuses (invaliduser on errcode 0) as failed, not retried', async () => {
    w.current.fake.script('/cgi-bin/message/send', { errcode: 0, errmsg: 'ok', invaliduser: 'ghost' });
    await say('ghost', '帮助');
    const sent = await w.current.delivered();
    // The welcome (refused), then the help, which WeCom gets in as many pieces as its 2,048-byte limit needs.
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(await w.current.delivered()).toEqual([]); // nothing retried
    const rows = await outbox();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ status: 'failed' });
    expect(rows[0]!.last_error).toContain('invaliduser');
    expect(rows[1]).toMatchObject({ status: 'sent' });
  });

  it('waits and retries a reply refused with 45009, without counting an attempt', async () => {
    await say('alice', '帮助');
    await w.current.delivered();
    w.current.fake.script('/cgi-bin/message/send', { errcode: 45009, errmsg: 'api freq out of limit' });
    await say('alice', '今天');
    expect(await w.current.delivered()).toHaveLength(1);
    const [, , waiting] = await outbox();
    expect(waiting).toMatchObject({ status: 'pending', attempts: 0 });
    expect(new Date(waiting!.available_at).getTime() - w.current.h.clock.now().getTime()).toBe(60_000);

    expect(await w.current.delivered()).toEqual([]); // not due yet
    w.current.h.clock.advance(60_000);
    const retried = await w.current.delivered();
    expect(retried).toHaveLength(1);
    expect((await outbox())[2]).toMatchObject({ status: 'sent' });
  });

  it('binds a group robot to a team from the app chat and confirms in that group', async () => {
    await say('mgr', '创建团队 华东');
    await w.current.delivered();
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=3f2a9c1e-1111-4bc4-97a0-0ec2aa5aaa01';
    await say('mgr', `绑定团队 华东 ${url}`);
    await w.current.delivered();
    const team = await w.current.h.db.selectFrom('teams').select(['name', 'bound_channel_ref']).executeTakeFirstOrThrow();
    expect(team).toEqual({ name: '华东', bound_channel_ref: 'wecom:webhook:3f2a9c1e-1111-4bc4-97a0-0ec2aa5aaa01' });
    const [confirm] = w.current.fake.callsTo('/cgi-bin/webhook/send');
    expect(confirm!.query.key).toBe('3f2a9c1e-1111-4bc4-97a0-0ec2aa5aaa01');
    expect((confirm!.body!.markdown as { content: string }).content).toContain('华东');
  });
});
