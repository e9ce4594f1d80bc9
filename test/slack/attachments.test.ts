import { describe, expect, it } from 'vitest';
import { bob, deliver, directMessage, fixture, postEvent, textOf, useSlack, zhang } from './support.ts';

const ctx = useSlack();

/** A DM with a file as Slack sends it (message subtype `file_share`), with its own event id. */
function fileShare(user: typeof zhang, text: string, mimetype = 'image/jpeg', eventId = `Ev${Math.random().toString(36).slice(2, 12).toUpperCase()}`) {
  const payload = fixture('event-message-im-file-share');
  payload.event_id = eventId;
  payload.event.user = user.id;
  payload.event.channel = `D${user.id.slice(1)}`;
  payload.event.text = text;
  payload.event.files[0].mimetype = mimetype;
  if (!text) delete payload.event.blocks;
  return payload;
}

const dmTexts = async () => (await deliver(ctx)).posted.map(textOf);

describe('Slack DMs with files (subtype file_share)', () => {
  it('签退 现场照片见附件 with a photo checks out, and says the photo itself is not kept', async () => {
    await postEvent(ctx, directMessage(zhang, '新客户 华为 22.54,113.95'));
    await postEvent(ctx, directMessage(zhang, '签到 华为 22.54,113.95'));
    await deliver(ctx);
    ctx.h.clock.advance(45 * 60_000);

    expect((await postEvent(ctx, fileShare(zhang, '签退 现场照片见附件'))).status).toBe(200);
    const replies = await dmTexts();
    expect(replies[0]).toContain('已从 华为 签退');
    expect(replies.at(-1)).toBe('提示：附件本身不会保存，我只读取消息里的文字。');
    const visit = await ctx.h.db.selectFrom('visits').select(['ended_at', 'notes']).executeTakeFirstOrThrow();
    expect(visit.ended_at).not.toBeNull();
    expect(visit.notes).toBe('现场照片见附件');
  });

  it('a photo alone gets the answer about what Legwork understands, in the person’s language', async () => {
    await postEvent(ctx, directMessage(zhang, '帮助'));
    await deliver(ctx);
    await postEvent(ctx, fileShare(zhang, ''));
    expect(await dmTexts()).toEqual([expect.stringContaining('暂时还看不懂图片、文件、语音、视频和链接。')]);

    await postEvent(ctx, directMessage(bob, 'help'));
    await deliver(ctx);
    await postEvent(ctx, fileShare(bob, '', 'application/pdf'));
    expect(await dmTexts()).toEqual([expect.stringContaining("I can't read photos, files, voice messages, videos or links yet.")]);
  });
});
