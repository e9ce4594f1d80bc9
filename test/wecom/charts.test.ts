import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { enqueueMessages } from '../../src/conversation/outbox.ts';
import { postWithChart, storeSampleChart } from '../support/charts.ts';
import { useWeComHarness } from './support/wecom-harness.ts';

const w = useWeComHarness();
const robotKey = '3f2a9c1e-1111-4bc4-97a0-0ec2aa5aaa01';

async function enqueue(targetRef: string, message: ReturnType<typeof postWithChart>) {
  await enqueueMessages(w.current.h.db, [{ orgId: null, targetRef, message }], w.current.h.clock.now());
  await w.current.h.app.delivery.drainOnce();
}

const paths = () => w.current.fake.calls.map((c) => c.path).filter((p) => p !== '/cgi-bin/gettoken');

describe('WeCom charts (issue 18)', () => {
  it('app message: uploads the PNG with media/upload (type image, multipart field "media") and sends an image message with the media id after the text', async () => {
    const chart = await storeSampleChart(w.current.h.db, w.current.h.clock.now());
    await enqueue('wecom:user:zhangwei', postWithChart(chart));
    expect(paths()).toEqual(['/cgi-bin/media/upload', '/cgi-bin/message/send', '/cgi-bin/message/send']);
    const [upload] = w.current.fake.callsTo('/cgi-bin/media/upload');
    expect(upload!.query).toMatchObject({ type: 'image', access_token: expect.stringMatching(/^fake-token/) });
    expect(upload!.upload).toMatchObject({ name: 'media', filename: 'chart.png', filelength: chart.png.length, partType: 'image/png' });
    expect(upload!.upload!.bytes.equals(chart.png)).toBe(true);
    const [text, image] = w.current.fake.callsTo('/cgi-bin/message/send');
    expect(text!.body).toMatchObject({ touser: 'zhangwei', msgtype: 'markdown' });
    expect(image!.body).toMatchObject({ touser: 'zhangwei', msgtype: 'image', image: { media_id: 'media-2' } });
  });

  it('app group chat: the same upload, then appchat/send with the image', async () => {
    const chart = await storeSampleChart(w.current.h.db, w.current.h.clock.now());
    await enqueue('wecom:appchat:chat-1', postWithChart(chart));
    expect(paths()).toEqual(['/cgi-bin/media/upload', '/cgi-bin/appchat/send', '/cgi-bin/appchat/send']);
    expect(w.current.fake.callsTo('/cgi-bin/appchat/send')[1]!.body).toMatchObject({ chatid: 'chat-1', msgtype: 'image', image: { media_id: expect.any(String) } });
  });

  it('group robot: an image message with the base64 PNG and its md5, after the text', async () => {
    const chart = await storeSampleChart(w.current.h.db, w.current.h.clock.now());
    await enqueue(`wecom:webhook:${robotKey}`, postWithChart(chart));
    const sent = w.current.fake.callsTo('/cgi-bin/webhook/send');
    expect(sent.map((c) => c.body!.msgtype)).toEqual(['markdown', 'image']);
    const image = sent[1]!.body!.image as { base64: string; md5: string };
    const bytes = Buffer.from(image.base64, 'base64');
    expect(bytes.equals(chart.png)).toBe(true);
    expect(image.md5).toBe(createHash('md5').update(bytes).digest('hex'));
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    expect(sent[1]!.query.key).toBe(robotKey);
  });

  it('a refused upload keeps the text, logs WeCom’s error, and retries the picture alone', async () => {
    const chart = await storeSampleChart(w.current.h.db, w.current.h.clock.now());
    w.current.fake.script('/cgi-bin/media/upload', { errcode: 40009, errmsg: 'invalid image size' });
    const warn = vi.spyOn(w.current.h.app.logger, 'warn');
    await enqueue('wecom:user:zhangwei', postWithChart(chart));
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ platform: 'wecom', error: expect.stringContaining('40009') }), expect.stringContaining('picture not sent'));
    warn.mockRestore();
    // The text went out; the picture alone was queued and sent on the retry (upload again, image message).
    expect(paths()).toEqual(['/cgi-bin/media/upload', '/cgi-bin/message/send', '/cgi-bin/media/upload', '/cgi-bin/message/send']);
    const sends = w.current.fake.callsTo('/cgi-bin/message/send');
    expect(sends.map((c) => c.body!.msgtype)).toEqual(['markdown', 'image']);
    const rows = await w.current.h.db.selectFrom('outbox').select(['status', 'message']).orderBy('id').execute();
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(rows[1]!.message).toMatchObject({ imageOnly: true });
  });
});
