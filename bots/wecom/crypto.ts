import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * WeCom's callback encryption ("加解密方案说明",
 * https://developer.work.weixin.qq.com/document/path/90968), written with node:crypto rather than a
 * package: it is small, the public test vector pins it down, and `@wecom/crypto` does not check the
 * receiveid (corp id) in the plaintext, which we must.
 *
 * - signature: sha1 over the sorted strings [token, timestamp, nonce, encrypted] joined, hex;
 * - key: base64(EncodingAESKey + '=') → 32 bytes; AES-256-CBC, IV = the key's first 16 bytes;
 * - plaintext: 16 random bytes | 4-byte big-endian message length | message | receiveid,
 *   PKCS#7-padded to a multiple of 32 bytes (not the cipher's 16).
 */

/** Why a callback was rejected; never carries key material or plaintext. */
export class WeComCryptoError extends Error {
  constructor(readonly reason: 'signature' | 'ciphertext' | 'padding' | 'length' | 'receiveid') {
    super(`WeCom callback rejected: bad ${reason}`);
    this.name = 'WeComCryptoError';
  }
}

const padBlock = 32;
const base64Pattern = /^[A-Za-z0-9+/]+={0,2}$/;

/** The 32-byte AES key from the 43-character EncodingAESKey. */
export function aesKeyFrom(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (encodingAesKey.length !== 43 || key.length !== 32) throw new Error('EncodingAESKey must be 43 base64 characters');
  return key;
}

/** `msg_signature` as WeCom computes it. */
export function signature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypted].sort().join('')).digest('hex');
}

/** Constant-time check of a `msg_signature`; throws WeComCryptoError('signature') on mismatch. */
export function verifySignature(input: { token: string; timestamp: string; nonce: string; encrypted: string; signature: string }): void {
  const expected = Buffer.from(signature(input.token, input.timestamp, input.nonce, input.encrypted), 'utf8');
  const given = Buffer.from(input.signature.toLowerCase(), 'utf8');
  // timingSafeEqual needs equal lengths; a length mismatch reveals only that the input was malformed.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new WeComCryptoError('signature');
}

/**
 * Decrypts a callback payload and checks that it was meant for `corpId`; returns the message (XML
 * for POSTs, the echo string for the URL check).
 */
export function decrypt(encrypted: string, key: Buffer, corpId: string): string {
  if (!base64Pattern.test(encrypted)) throw new WeComCryptoError('ciphertext');
  const data = Buffer.from(encrypted, 'base64');
  if (data.length === 0 || data.length % padBlock !== 0) throw new WeComCryptoError('ciphertext');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    throw new WeComCryptoError('ciphertext');
  }
  const pad = plain[plain.length - 1]!;
  if (pad < 1 || pad > padBlock || pad > plain.length) throw new WeComCryptoError('padding');
  for (let i = plain.length - pad; i < plain.length; i++) {
    if (plain[i] !== pad) throw new WeComCryptoError('padding');
  }
  const content = plain.subarray(0, plain.length - pad);
  if (content.length < 20) throw new WeComCryptoError('length');
  const messageLength = content.readUInt32BE(16);
  if (20 + messageLength > content.length) throw new WeComCryptoError('length');
  const receiveId = content.subarray(20 + messageLength);
  const expected = Buffer.from(corpId, 'utf8');
  if (receiveId.length !== expected.length || !timingSafeEqual(receiveId, expected)) throw new WeComCryptoError('receiveid');
  return content.subarray(20, 20 + messageLength).toString('utf8');
}

/**
 * Encrypts a message the way WeCom does (for passive replies, and for tests that play WeCom's part).
 * `random` is injectable so tests can reproduce a fixture byte for byte.
 */
export function encrypt(message: string, key: Buffer, corpId: string, random: Buffer = randomBytes(16)): string {
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length, 0);
  const content = Buffer.concat([random, length, body, Buffer.from(corpId, 'utf8')]);
  const pad = padBlock - (content.length % padBlock);
  const padded = Buffer.concat([content, Buffer.alloc(pad, pad)]);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}
