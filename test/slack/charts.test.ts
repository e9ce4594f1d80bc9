import { describe, expect, it, vi } from 'vitest';
import { enqueueMessages } from '../../src/conversation/outbox.ts';
import { postWithChart, storeSampleChart } from '../support/charts.ts';
import { deliver, ids, useSlack, zhang } from './support.ts';

const ctx = useSlack();

const enqueue = async (targetRef: string, message: ReturnType<typeof postWithChart>) =>
  enqueueMessages(ctx.h.db, [{ orgId: null, targetRef, message }], ctx.h.clock.now());

describe('Slack charts (issue 18)', () => {
  it('uploads the PNG in the documented three steps and shares it in the channel with the text as initial comment', async () => {
    const chart = await storeSampleChart(ctx.h.db, ctx.h.clock.now());
    await enqueue(`slack:channel:${ids.channel}`, postWithChart(chart));
    const { posted } = await deliver(ctx);
    expect(ctx.fake.fileSteps).toEqual(['getUploadURLExternal', 'upload', 'completeUploadExternal']);
    const [started] = ctx.fake.callsTo('files.getUploadURLExternal');
    expect(started!.token).toBe(ids.botToken);
    expect(started!.args).toMatchObject({ filename: 'chart.png', length: String(chart.png.length), alt_txt: chart.alt });
    const [uploaded] = [...ctx.fake.uploads.values()];
    expect(uploaded!.bytes.equals(chart.png)).toBe(true);
    expect(uploaded!.bytes.subarray(1, 4).toString()).toBe('PNG');
    const [completed] = ctx.fake.callsTo('files.completeUploadExternal');
    expect(completed!.args).toMatchObject({ channel_id: ids.channel, files: [{ id: expect.stringMatching(/^F/), title: chart.alt }] });
    expect(completed!.args.initial_comment).toContain('第 1 名 张伟：30 分');
    // One message: the text rides on the file share, not in a second chat.postMessage.
    expect(posted).toHaveLength(0);
  });

  it('sends a picture for a person to their DM', async () => {
    const chart = await storeSampleChart(ctx.h.db, ctx.h.clock.now());
    await enqueue(`slack:user:${zhang.id}`, postWithChart(chart));
    await deliver(ctx);
    expect(ctx.fake.callsTo('files.completeUploadExternal')[0]!.args.channel_id).toBe('D0ZHANG01');
  });

  it('keeps the text when the upload is refused, logs Slack’s error and retries the picture alone', async () => {
    const chart = await storeSampleChart(ctx.h.db, ctx.h.clock.now());
    ctx.fake.failNext('files.getUploadURLExternal', { error: 'missing_scope' });
    const warn = vi.spyOn(ctx.h.app.logger, 'warn');
    await enqueue(`slack:channel:${ids.channel}`, postWithChart(chart));
    const first = await deliver(ctx);
    expect(first.posted.map((c) => c.args.text)).toEqual([expect.stringContaining('张伟：30 分')]);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ platform: 'slack', error: expect.stringContaining('missing_scope') }), expect.stringContaining('picture not sent'));
    warn.mockRestore();
    // The picture alone was queued behind the text and went out in the same drain.
    const rows = await ctx.h.db.selectFrom('outbox').select(['status', 'message']).orderBy('id').execute();
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(rows[1]!.message).toMatchObject({ imageOnly: true, text: chart.alt });
    // Uploaded and shared without repeating the text.
    expect(ctx.fake.fileSteps).toEqual(['getUploadURLExternal', 'upload', 'completeUploadExternal']);
    expect(ctx.fake.callsTo('files.completeUploadExternal')[0]!.args.initial_comment).toBeUndefined();
  });
});
