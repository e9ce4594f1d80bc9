import { signLocationToken } from './location-token.ts';

/**
 * A link to the location page for one check-in (or check-out): signed, bound to org, user and
 * customer, expiring after the configured minutes, spendable once.
 */
export function issueLocationLink(
  settings: { publicUrl: string; linkSecret: string; linkTtlMinutes: number },
  input: { orgId: string; userId: string; customerId?: string; replyRef?: string; action: 'in' | 'out'; now: Date },
): { url: string; token: string; expiresAt: Date } {
  const expiresAt = new Date(input.now.getTime() + settings.linkTtlMinutes * 60_000);
  const token = signLocationToken(settings.linkSecret, {
    o: input.orgId,
    u: input.userId,
    c: input.customerId,
    r: input.replyRef,
    a: input.action,
    expiresAt,
  });
  return { url: `${settings.publicUrl}/c/${token}`, token, expiresAt };
}
