import { describe, expect, it } from 'vitest';
import { verifySlackSignature } from './verify.ts';

// The worked example in Slack's "Verifying requests from Slack" guide.
const secret = '8f742231b10e8888abcd99yyyzzz85a5';
const timestamp = '1531420618';
const body = Buffer.from(
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
);
const signature = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const at = (offsetSeconds: number) => new Date((Number(timestamp) + offsetSeconds) * 1000);

describe('verifySlackSignature', () => {
  it('accepts the documented example', () => {
    expect(verifySlackSignature({ signingSecret: secret, timestamp, signature, rawBody: body, now: at(30) })).toEqual({ ok: true });
  });

  it('rejects a changed body, a wrong secret and a wrong version', () => {
    const changed = Buffer.from(body.toString().replace('text=', 'text=x'));
    expect(verifySlackSignature({ signingSecret: secret, timestamp, signature, rawBody: changed, now: at(0) })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySlackSignature({ signingSecret: `${secret}x`, timestamp, signature, rawBody: body, now: at(0) })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySlackSignature({ signingSecret: secret, timestamp, signature: signature.replace('v0=', 'v1='), rawBody: body, now: at(0) })).toEqual({ ok: false, reason: 'malformed' });
  });

  it('rejects timestamps more than five minutes old or ahead', () => {
    expect(verifySlackSignature({ signingSecret: secret, timestamp, signature, rawBody: body, now: at(300) }).ok).toBe(true);
    expect(verifySlackSignature({ signingSecret: secret, timestamp, signature, rawBody: body, now: at(301) })).toEqual({ ok: false, reason: 'stale' });
    expect(verifySlackSignature({ signingSecret: secret, timestamp, signature, rawBody: body, now: at(-300) }).ok).toBe(true);
    expect(verifySlackSignature({ signingSecret: secret, timestamp, signature, rawBody: body, now: at(-301) })).toEqual({ ok: false, reason: 'future' });
  });

  it('rejects missing and malformed headers without throwing', () => {
    for (const [ts, sig] of [[undefined, signature], [timestamp, undefined], ['12x', signature], [timestamp, 'v0=abc'], [timestamp, `${signature}00`]] as const) {
      expect(verifySlackSignature({ signingSecret: secret, timestamp: ts, signature: sig, rawBody: body, now: at(0) }).ok).toBe(false);
    }
  });
});
