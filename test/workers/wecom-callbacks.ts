import { aesKeyFrom, encrypt, signature } from '../../bots/wecom/crypto.ts';
import { wecomApp } from './platform-ids.ts';
import type { WorkerHarness } from './support.ts';

const key = aesKeyFrom(wecomApp.encodingAesKey);
let nonce = 1_372_623_149;

/** A text message as WeCom's callback carries it (decrypted), sent now by the harness's clock. */
export function wecomTextXml(h: WorkerHarness, from: string, content: string, msgId: string): string {
  const createTime = Math.floor(h.clock.now().getTime() / 1000);
  return `<xml><ToUserName><![CDATA[${wecomApp.corpId}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId><AgentID>${wecomApp.agentId}</AgentID></xml>`;
}

/**
 * POSTs `innerXml` to the Worker as WeCom does: encrypted for the corp, in the documented envelope,
 * with the signed query (percent-encoded: a raw '+' would read as a space).
 */
export function postWeCom(h: WorkerHarness, innerXml: string) {
  const encrypted = encrypt(innerXml, key, wecomApp.corpId);
  const timestamp = String(Math.floor(h.clock.now().getTime() / 1000));
  const n = String(nonce++);
  const query = new URLSearchParams({ msg_signature: signature(wecomApp.token, timestamp, n, encrypted), timestamp, nonce: n });
  const body = `<xml><ToUserName><![CDATA[${wecomApp.corpId}]]></ToUserName><AgentID><![CDATA[${wecomApp.agentId}]]></AgentID><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`;
  return h.request(`/wecom/callback?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
}
