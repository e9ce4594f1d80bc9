import { signLocationToken } from './location-token.ts';

/** What minting a location link needs (the conversation settings and the scheduler carry them). */
export interface LocationLinkSettings {
  publicUrl: string;
  linkSecret: string;
  linkTtlMinutes: number;
}

/**
 * A link to the location page for one check-in (or check-out): signed, bound to org, user and
 * customer, expiring after the configured minutes (or at `expiresAt` when that is later: a plan's
 * stop links last the stop's day), spendable once.
 */
export function issueLocationLink(
  settings: LocationLinkSettings,
  input: { orgId: string; userId: string; customerId?: string; replyRef?: string; action: 'in' | 'out'; now: Date; expiresAt?: Date },
): { url: string; token: string; expiresAt: Date } {
  const ttlEnd = input.now.getTime() + settings.linkTtlMinutes * 60_000;
  const expiresAt = new Date(Math.max(ttlEnd, input.expiresAt?.getTime() ?? 0));
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
