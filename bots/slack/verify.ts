import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack rejects replays older than five minutes; we also refuse ones more than five minutes ahead. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'future' | 'mismatch' };

/**
 * Verifies Slack's request signature (https://docs.slack.dev/authentication/verifying-requests-from-slack):
 * `X-Slack-Signature = 'v0=' + hex(HMAC-SHA256(signingSecret, 'v0:' + timestamp + ':' + rawBody))`.
 * Always over the raw bytes as received (re-serialised JSON or form data would not match), compared
 * in constant time, with the timestamp checked against our clock in both directions: Bolt's own check
 * only rejects old requests, so a captured request signed with a far-future timestamp would stay
 * replayable for as long as that timestamp is "recent".
 */
export function verifySlackSignature(input: {
  signingSecret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
  now: Date;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (!timestamp || !signature) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(timestamp) || !/^v0=[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: 'malformed' };
  const skew = Number(timestamp) - Math.floor(input.now.getTime() / 1000);
  if (skew < -MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'stale' };
  if (skew > MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'future' };
  const expected = createHmac('sha256', input.signingSecret)
    .update(`v0:${timestamp}:`)
    .update(input.rawBody)
    .digest();
  const given = Buffer.from(signature.slice(3), 'hex');
  // Both are 32 bytes here (the regex fixed the length), as timingSafeEqual requires.
  return timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
