import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRobotMessage, stripLeadingMentions } from './decode.ts';

const fixture = (name: string) => readFileSync(new URL(`../../test/dingtalk/fixtures/${name}.json`, import.meta.url), 'utf8');
const at = new Date('2026-11-27T02:00:00Z');

describe('decodeRobotMessage', () => {
  it('decodes a 1:1 text message (documented sample) into an event addressed to the staff id', () => {
    const result = decodeRobotMessage(fixture('text-1to1'), at);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.event).toEqual({
      platform: 'dingtalk',
      eventId: 'msgYt8m5UPq2qpoQvOQ0ufPw==',
      tenantId: 'ding9f50b15bccd16741',
      sender: { externalId: '0427462936297', displayName: '张三', directRef: 'dingtalk:user:0427462936297' },
      conversation: { ref: 'dingtalk:user:0427462936297', kind: 'direct' },
      text: 'hello DingTalk!',
      receivedAt: at,
    });
    expect(result.value.session).toEqual({
      url: 'https://oapi.dingtalk.com/robot/sendBySession?session=79b48a8f1a3c4d4b',
      expiresAt: new Date(1695289035996),
      conversationRef: 'dingtalk:user:0427462936297',
      senderUserId: '0427462936297',
      group: false,
    });
  });

  it('decodes a group message into the group ref, without the leading space DingTalk leaves', () => {
    const result = decodeRobotMessage(fixture('text-group'), at);
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.event.conversation).toEqual({ ref: 'dingtalk:group:cidAsXSBLnA2Sx9rGZqN8Jeg==', kind: 'group' });
    expect(result.value.event.sender.directRef).toBe('dingtalk:user:1665010698');
    expect(result.value.event.text).toBe('测试数据');
    expect(result.value.session?.group).toBe(true);
  });

  it('falls back to senderId when senderStaffId is empty', () => {
    const payload = { ...JSON.parse(fixture('text-1to1')), senderStaffId: '' };
    const result = decodeRobotMessage(payload, at);
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.event.sender.externalId).toBe('$:LWCP_v1:$x3vTgHFUDZ8Qi8qr3PA==');
    expect(result.value.event.conversation.ref).toBe('dingtalk:user:$:LWCP_v1:$x3vTgHFUDZ8Qi8qr3PA==');
  });

  it('reads rich text parts and voice recognition; a picture has no text', () => {
    const rich = decodeRobotMessage(fixture('rich-text'), at);
    const audio = decodeRobotMessage(fixture('audio'), at);
    const picture = decodeRobotMessage(fixture('picture'), at);
    expect(rich.ok && rich.value.event.text).toBe('日报 今天拜访了华为\n明天去小米');
    expect(audio.ok && audio.value.event.text).toBe('今天');
    expect(picture.ok && picture.value.event.text).toBeUndefined();
  });

  it('decodes pictures, files, video and untranscribed voice as attachments; rich text keeps its words', () => {
    const kind = (raw: unknown) => {
      const result = decodeRobotMessage(raw, at);
      return result.ok ? result.value.event.attachment?.kind : 'refused';
    };
    expect(kind(fixture('picture'))).toBe('image');
    expect(kind(fixture('file'))).toBe('file');
    expect(kind(fixture('video'))).toBe('video');
    expect(kind(fixture('rich-text'))).toBe('image');
    expect(kind(fixture('audio'))).toBeUndefined(); // transcribed: just words
    expect(kind({ ...JSON.parse(fixture('audio')), content: { downloadCode: 'x', duration: '4' } })).toBe('voice');
    expect(kind(fixture('text-1to1'))).toBeUndefined();
  });

  it('refuses payloads that are not robot messages', () => {
    expect(decodeRobotMessage('{', at)).toMatchObject({ ok: false, reason: 'data is not JSON' });
    expect(decodeRobotMessage({ msgtype: 'text' }, at).ok).toBe(false);
    expect(decodeRobotMessage({ ...JSON.parse(fixture('text-1to1')), conversationType: 2 }, at).ok).toBe(false);
    expect(decodeRobotMessage({ ...JSON.parse(fixture('text-1to1')), senderStaffId: '', senderId: undefined }, at).ok).toBe(false);
    expect(decodeRobotMessage({ ...JSON.parse(fixture('text-1to1')), msgId: 'x'.repeat(300) }, at).ok).toBe(false);
  });

  it('never throws, whatever arrives', () => {
    fc.assert(fc.property(fc.oneof(fc.json(), fc.jsonValue(), fc.string()), (input) => {
      decodeRobotMessage(input, at);
    }));
  });
});

describe('stripLeadingMentions', () => {
  it.each([
    [' 签到 华为', '签到 华为'],
    ['@Legwork\u2005checkin Acme', 'checkin Acme'],
    ['@机器人 @张三 日报', '日报'],
    ['日报 @张三 帮我看看', '日报 @张三 帮我看看'],
  ])('%j → %j', (input, expected) => expect(stripLeadingMentions(input)).toBe(expected));
});
