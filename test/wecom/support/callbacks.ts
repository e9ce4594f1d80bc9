import { testStart } from '../../support/test-app.ts';
import { aesKeyFrom, encrypt, signature } from '../../../bots/wecom/crypto.ts';

/**
 * The public test vector of WeCom's "加解密方案说明" (token, corp id, EncodingAESKey). The tests run
 * the whole app configured with it, so the GET check can use the documented request verbatim.
 */
export const vector = {
  token: 'QDG6eK',
  corpId: 'wx5823bf96d3bd56c7',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  get: {
    timestamp: '1409659589',
    nonce: '263014780',
    msgSignature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
    echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
    plaintext: '1616140317555161061',
  },
};

export const agentId = '1000002';
export const secret = 'test-app-secret';

export function wecomEnv(apiUrl: string): Record<string, string> {
  return {
    WECOM_CORP_ID: vector.corpId,
    WECOM_AGENT_ID: agentId,
    WECOM_SECRET: secret,
    WECOM_TOKEN: vector.token,
    WECOM_ENCODING_AES_KEY: vector.encodingAesKey,
    WECOM_API_URL: apiUrl,
  };
}

const key = aesKeyFrom(vector.encodingAesKey);

// Message XML exactly as documented ("接收消息与事件", https://developer.work.weixin.qq.com/document/path/90239, /90240).

export function textXml(m: { from: string; content: string; msgId: string; createTime: number }): string {
  return `<xml>
   <ToUserName><![CDATA[${vector.corpId}]]></ToUserName>
   <FromUserName><![CDATA[${m.from}]]></FromUserName>
   <CreateTime>${m.createTime}</CreateTime>
   <MsgType><![CDATA[text]]></MsgType>
   <Content><![CDATA[${m.content}]]></Content>
   <MsgId>${m.msgId}</MsgId>
   <AgentID>${agentId}</AgentID>
</xml>`;
}

export function locationXml(m: { from: string; lat: number; lng: number; label?: string; msgId: string; createTime: number }): string {
  return `<xml>
   <ToUserName><![CDATA[${vector.corpId}]]></ToUserName>
   <FromUserName><![CDATA[${m.from}]]></FromUserName>
   <CreateTime>${m.createTime}</CreateTime>
   <MsgType><![CDATA[location]]></MsgType>
   <Location_X>${m.lat}</Location_X>
   <Location_Y>${m.lng}</Location_Y>
   <Scale>15</Scale>
   <Label><![CDATA[${m.label ?? '广东省深圳市南山区'}]]></Label>
   <MsgId>${m.msgId}</MsgId>
   <AgentID>${agentId}</AgentID>
   <AppType><![CDATA[wxwork]]></AppType>
</xml>`;
}

/** A button or vote card event; `selected` fills SelectedItems (vote / multiple interaction cards). */
export function templateCardEventXml(m: {
  from: string;
  createTime: number;
  eventKey: string;
  taskId: string;
  cardType: string;
  selected?: { questionKey: string; optionIds: string[] }[];
}): string {
  const selected = m.selected
    ? `<SelectedItems>${m.selected
        .map(
          (s) =>
            `<SelectedItem><QuestionKey><![CDATA[${s.questionKey}]]></QuestionKey><OptionIds>${s.optionIds
              .map((id) => `<OptionId><![CDATA[${id}]]></OptionId>`)
              .join('')}</OptionIds></SelectedItem>`,
        )
        .join('')}</SelectedItems>`
    : '';
  return `<xml>
<ToUserName><![CDATA[${vector.corpId}]]></ToUserName>
<FromUserName><![CDATA[${m.from}]]></FromUserName>
<CreateTime>${m.createTime}</CreateTime>
<MsgType><![CDATA[event]]></MsgType>
<Event><![CDATA[template_card_event]]></Event>
<EventKey><![CDATA[${m.eventKey}]]></EventKey>
<TaskId><![CDATA[${m.taskId}]]></TaskId>
<CardType><![CDATA[${m.cardType}]]></CardType>
<ResponseCode><![CDATA[ResponseCode-${m.createTime}]]></ResponseCode>
<AgentID>${agentId}</AgentID>
${selected}
</xml>`;
}

export function locationReportXml(m: { from: string; createTime: number }): string {
  return `<xml>
<ToUserName><![CDATA[${vector.corpId}]]></ToUserName>
<FromUserName><![CDATA[${m.from}]]></FromUserName>
<CreateTime>${m.createTime}</CreateTime>
<MsgType><![CDATA[event]]></MsgType>
<Event><![CDATA[LOCATION]]></Event>
<Latitude>23.104105</Latitude>
<Longitude>113.320107</Longitude>
<Precision>65.000000</Precision>
<AgentID>${agentId}</AgentID>
<AppType><![CDATA[wxwork]]></AppType>
</xml>`;
}

/** The POST body WeCom sends: the encrypted message inside the documented envelope. */
export function envelope(encrypted: string): string {
  return `<xml>
   <ToUserName><![CDATA[${vector.corpId}]]></ToUserName>
   <AgentID><![CDATA[${agentId}]]></AgentID>
   <Encrypt><![CDATA[${encrypted}]]></Encrypt>
</xml>`;
}

export interface SignedCallback {
  path: string;
  body: string;
}

/**
 * A complete POST as WeCom would make it: the message encrypted for `corpId`, the envelope, and the
 * signed query (properly percent-encoded: Hono reads a raw '+' in a query as a space).
 */
export function signedCallback(
  innerXml: string,
  options: { corpId?: string; token?: string; timestamp?: string; nonce?: string; mutateEncrypted?: (e: string) => string; body?: (encrypted: string) => string } = {},
): SignedCallback {
  let encrypted = encrypt(innerXml, key, options.corpId ?? vector.corpId);
  if (options.mutateEncrypted) encrypted = options.mutateEncrypted(encrypted);
  // WeCom signs the callback when it sends it: the message's own CreateTime is a faithful default.
  const timestamp = options.timestamp ?? /<CreateTime>(\d+)<\/CreateTime>/.exec(innerXml)?.[1] ?? String(testStart.getTime() / 1000);
  const nonce = options.nonce ?? '1372623149';
  const msgSignature = signature(options.token ?? vector.token, timestamp, nonce, encrypted);
  const query = new URLSearchParams({ msg_signature: msgSignature, timestamp, nonce }).toString();
  return { path: `/wecom/callback?${query}`, body: (options.body ?? envelope)(encrypted) };
}
