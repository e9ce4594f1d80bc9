import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WeComCryptoError, aesKeyFrom, decrypt, encrypt, signature, verifySignature } from '../../bots/wecom/crypto.ts';
import { vector } from './support/callbacks.ts';

const key = aesKeyFrom(vector.encodingAesKey);

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof WeComCryptoError) return error.reason;
    throw error;
  }
}

describe('WeCom callback crypto', () => {
  it('reproduces the public test vector: signature and decrypted echostr', () => {
    const g = vector.get;
    expect(signature(vector.token, g.timestamp, g.nonce, g.echostr)).toBe(g.msgSignature);
    expect(() => verifySignature({ token: vector.token, timestamp: g.timestamp, nonce: g.nonce, encrypted: g.echostr, signature: g.msgSignature })).not.toThrow();
    expect(decrypt(g.echostr, key, vector.corpId)).toBe(g.plaintext);
  });

  it('rejects a signature that differs in one character, or in length', () => {
    const g = vector.get;
    const base = { token: vector.token, timestamp: g.timestamp, nonce: g.nonce, encrypted: g.echostr };
    expect(reasonOf(() => verifySignature({ ...base, signature: `${g.msgSignature.slice(0, -1)}4` }))).toBe('signature');
    expect(reasonOf(() => verifySignature({ ...base, signature: g.msgSignature.slice(0, -1) }))).toBe('signature');
    expect(reasonOf(() => verifySignature({ ...base, nonce: '263014781', signature: g.msgSignature }))).toBe('signature');
  });

  it('round-trips any message, padding to a multiple of 32 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (message) => {
        const encrypted = encrypt(message, key, vector.corpId);
        expect(Buffer.from(encrypted, 'base64').length % 32).toBe(0);
        expect(decrypt(encrypted, key, vector.corpId)).toBe(message);
      }),
    );
  });

  it('names the reason for each kind of bad ciphertext', () => {
    const encrypted = encrypt('<xml><Content><![CDATA[签到 华为]]></Content></xml>', key, vector.corpId);
    const bytes = Buffer.from(encrypted, 'base64');
    expect(reasonOf(() => decrypt(encrypted, key, 'ww-other-corp'))).toBe('receiveid');
    expect(reasonOf(() => decrypt(encrypted.slice(0, -8), key, vector.corpId))).toBe('ciphertext');
    expect(reasonOf(() => decrypt('not base64!', key, vector.corpId))).toBe('ciphertext');
    expect(reasonOf(() => decrypt('', key, vector.corpId))).toBe('ciphertext');
    // Whole blocks cut off decrypt, but the padding or the length field gives it away.
    expect(['padding', 'length', 'receiveid']).toContain(reasonOf(() => decrypt(bytes.subarray(0, bytes.length - 32).toString('base64'), key, vector.corpId)));
    // Another key: garbage plaintext.
    const otherKey = aesKeyFrom('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG');
    expect(reasonOf(() => decrypt(encrypted, otherKey, vector.corpId))).toBeDefined();
  });
});
