import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** How a sealed value starts: the format version, so a later scheme can be told apart. */
export const SEALED_PREFIX = 'enc:v1:';

/** A value that does not open with the key given: a wrong key, or a value tampered with. */
export class SealedSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedSecretError';
  }
}

/**
 * Encrypts a credential for storage with AES-256-GCM: `enc:v1:` + base64url(12-byte IV, 16-byte tag,
 * ciphertext). `context` (the table and column, say) is authenticated with it, so a sealed value
 * copied into another column does not open there.
 */
export function sealSecret(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

/** Opens a value sealed by {@link sealSecret}; throws {@link SealedSecretError} with the wrong key. */
export function openSecret(key: Buffer, sealed: string, context: string): string {
  if (!isSealed(sealed)) throw new SealedSecretError('not a sealed value');
  const raw = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64url');
  if (raw.length < 28) throw new SealedSecretError('sealed value too short');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedSecretError('the key does not open this value');
  }
}

export function isSealed(value: string): boolean {
  return value.startsWith(SEALED_PREFIX);
}
