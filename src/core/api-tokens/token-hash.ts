/**
 * API token text and its digest. Web Crypto only (no node:crypto), so the API's auth runs unchanged
 * on Cloudflare Workers. A token is 32 random bytes: a fast unsalted SHA-256 is enough to store it,
 * since nobody can guess a preimage (unlike a password).
 */
const PREFIX = 'lw_';

/** A new token as shown to its creator once: `lw_` and 43 base64url characters. */
export function newTokenText(): string {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return PREFIX + base64url(bytes);
}

/** Lowercase hex SHA-256 of the token's UTF-8 text: what `api_tokens.token_hash` holds. */
export async function hashToken(token: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares two secrets in time independent of where they differ (digests first, so lengths match). */
export async function sameSecret(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([hashToken(a), hashToken(b)]);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x.charCodeAt(i) ^ y.charCodeAt(i);
  return diff === 0;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
