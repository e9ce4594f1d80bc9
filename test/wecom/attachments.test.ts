import { describe, expect, it } from 'vitest';
import { agentId, textXml, vector } from './support/callbacks.ts';
import { shownText, useWeComHarness } from './support/wecom-harness.ts';

const w = useWeComHarness();

/**
 * The non-text messages of "接收普通消息" (https://developer.work.weixin.qq.com/document/path/90239),
 * with their documented fields; `file` as WeCom sends a file from the chat.
 */
const bodies: Record<string, string> = {
  image: '<PicUrl><![CDATA[https://wework.qpic.cn/wwpic/1.jpg]]></PicUrl><MediaId><![CDATA[media_id_image]]></MediaId>',
  voice: '<MediaId><![CDATA[media_id_voice]]></MediaId><Format><![CDATA[amr]]></Format>',
  video: '<MediaId><![CDATA[media_id_video]]></MediaId><ThumbMediaId><![CDATA[thumb_media_id]]></ThumbMediaId>',
  file: '<MediaId><![CDATA[media_id_file]]></MediaId><FileName><![CDATA[拜访合同.pdf]]></FileName>',
  link: '<Title><![CDATA[华为官网]]></Title><Description><![CDATA[产品介绍]]></Description><Url><![CDATA[https://www.huawei.com]]></Url><PicUrl><![CDATA[https://wework.qpic.cn/wwpic/2.jpg]]></PicUrl>',
};

function messageXml(type: string, msgId: string, createTime: number): string {
  return `<xml>
   <ToUserName><![CDATA[${vector.corpId}]]></ToUserName>
   <FromUserName><![CDATA[alice]]></FromUserName>
   <CreateTime>${createTime}</CreateTime>
   <MsgType><![CDATA[${type}]]></MsgType>
   ${bodies[type]}
   <MsgId>${msgId}</MsgId>
   <AgentID>${agentId}</AgentID>
</xml>`;
}

describe('WeCom pictures, voice, video, files and links', () => {
  it('answers each with what Legwork understands, in the person’s language, and stores nothing else', async () => {
    await w.current.post(textXml({ from: 'alice', content: '帮助', msgId: '100', createTime: w.current.createTime() }));
    await w.current.delivered();
    let msgId = 200;
    for (const type of Object.keys(bodies)) {
      expect((await w.current.post(messageXml(type, String(++msgId), w.current.createTime()))).status).toBe(200);
      const sent = await w.current.delivered();
      expect(sent, type).toHaveLength(1);
      expect(sent[0]!.touser).toBe('alice');
      expect(shownText(sent[0]!)).toContain('暂时还看不懂图片、文件、语音、视频和链接。');
    }
    expect(await w.current.h.db.selectFrom('check_ins').selectAll().execute()).toEqual([]);

    await w.current.post(textXml({ from: 'alice', content: 'language English', msgId: '300', createTime: w.current.createTime() }));
    await w.current.delivered();
    await w.current.post(messageXml('image', '301', w.current.createTime()));
    const [english] = await w.current.delivered();
    expect(shownText(english!)).toContain("I can't read photos, files, voice messages, videos or links yet.");
  });
});
