/**
 * HTTP callback mode signature (https://open.dingtalk.com/document/orgapp/receive-message, "签名校验"):
 * DingTalk sends headers `timestamp` (ms) and `sign = base64(HmacSHA256(appSecret, timestamp + "\n" +
 * appSecret))`. The sign does not cover the body, so the timestamp window is what limits replay.
 * Web Crypto only, so this also runs on an edge runtime.
 */
export const MAX_CALLBACK_SKEW_MS = 60 * 60 * 1000;

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'mismatch' };

export async function computeCallbackSign(appSecret: string, timestamp: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(appSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`${timestamp}\n${appSecret}`));
  return bytesToBase64(new Uint8Array(mac));
}

/** Checks the headers against the secret and the clock: more than an hour off either way is stale. */
export async function verifyCallbackSignature(input: {
  appSecret: string;
  timestamp: string | undefined;
  sign: string | undefined;
  now: Date;
}): Promise<SignatureCheck> {
  const { timestamp, sign } = input;
  if (!timestamp || !sign || !/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: 'missing' };
  if (Math.abs(input.now.getTime() - Number(timestamp)) > MAX_CALLBACK_SKEW_MS) return { ok: false, reason: 'stale' };
  const expected = await computeCallbackSign(input.appSecret, timestamp);
  return constantTimeEqual(expected, sign) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/** Compares without an early exit, so the time taken does not reveal how much of a forgery matched. */
function constantTimeEqual(a: string, b: string): boolean {
  const encoder = new TextEncoder();
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ (y[i % Math.max(y.length, 1)] ?? 0);
  return diff === 0;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
