import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { countRows, registerInEnglish } from './helpers.ts';

const h = useHarness();

/** Posts a message with an attachment through the local chat API and returns the new replies. */
async function send(userId: string, kind: string, text?: string): Promise<string[]> {
  const res = await h.current.post({ userId, attachment: { kind }, ...(text !== undefined ? { text } : {}) });
  expect(res.status).toBe(202);
  await h.current.app.delivery.drainOnce();
  return (await h.current.newMessages(`/local/inbox/${userId}`)).map((m) => m.text);
}

describe('attachments in the local chat', () => {
  it('answers a picture, file, voice message, video or link alone with what Legwork understands, once each', async () => {
    await h.current.register('alice');
    for (const kind of ['image', 'file', 'voice', 'video', 'link']) {
      const replies = await send('alice', kind);
      expect(replies, kind).toHaveLength(1);
      expect(replies[0]).toContain('暂时还看不懂图片、文件、语音、视频和链接。');
      expect(replies[0]).toContain('签到时请发送位置');
    }
    await registerInEnglish(h.current, 'bob');
    expect(await send('bob', 'image')).toEqual([expect.stringContaining('To check in, send your location')]);
  });

  it('handles a message with text and an attachment by its text, and says the attachment is not kept', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    const replies = await send('alice', 'image', '签到 华为 22.54,113.95');
    expect(replies[0]).toContain('已在 华为 签到 ✓');
    expect(replies.at(-1)).toBe('提示：附件本身不会保存，我只读取消息里的文字。');
    expect(await countRows(h.current, 'check_ins')).toBe(1);
  });

  it('refuses an unknown attachment kind with 400', async () => {
    const res = await h.current.post({ userId: 'alice', attachment: { kind: 'sticker' } });
    expect(res.status).toBe(400);
  });
});
