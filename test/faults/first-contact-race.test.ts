import { describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../src/conversation/types.ts';
import { useHarness } from '../support/test-app.ts';

/**
 * First messages arriving together: a new company's first reps (one new org), or one new person's
 * double tap (one new identity). Each turn registers what it did not find, so without care the
 * slower one hits the primary key the faster one just wrote and answers 500. All must be answered,
 * with one org and one user per person.
 */
const h = useHarness();

const fromTenant = (tenantId: string, externalId: string, eventId: string): InboundEvent => ({
  platform: 'slack',
  eventId,
  tenantId,
  sender: { externalId },
  conversation: { ref: `slack:D-${externalId}`, kind: 'direct' },
  text: 'help',
  receivedAt: new Date(),
});

async function people(tenantId: string) {
  return h.current.db
    .selectFrom('identities')
    .innerJoin('users', 'users.id', 'identities.user_id')
    .select(['identities.external_id', 'users.org_id', 'users.role'])
    .where('identities.tenant_id', '=', tenantId)
    .execute();
}

describe('first messages at the same moment', () => {
  it('registers one org for a new tenant whose first reps write together, one admin among them', async () => {
    const results = await Promise.all(['U1', 'U2', 'U3', 'U4'].map((u) => h.current.app.engine.handle(fromTenant('T-new', u, `ev-${u}`))));
    expect(results.every((r) => !r.duplicate && r.replies > 0)).toBe(true);
    const rows = await people('T-new');
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.org_id)).size).toBe(1);
    expect(rows.filter((r) => r.role === 'admin')).toHaveLength(1);
    expect(await h.current.db.selectFrom('orgs').select('id').execute()).toHaveLength(1);
  });

  it('registers one user for a new person who sends several first messages together', async () => {
    const results = await Promise.all([1, 2, 3, 4].map((n) => h.current.app.engine.handle(fromTenant('T-solo', 'U9', `tap-${n}`))));
    expect(results.every((r) => !r.duplicate)).toBe(true);
    expect(await people('T-solo')).toHaveLength(1);
    expect(await h.current.db.selectFrom('users').select('id').execute()).toHaveLength(1);
    expect(await h.current.db.selectFrom('orgs').select('id').execute()).toHaveLength(1);
  });

  it('answers 202 to every first message posted together to the local API', async () => {
    await h.current.register('boss');
    const bodies = [
      ...['ann', 'bob', 'cat'].map((userId) => ({ id: `first-${userId}`, userId, text: 'help' })),
      ...[1, 2, 3].map((n) => ({ id: `dan-${n}`, userId: 'dan', text: 'help' })),
    ];
    const statuses = await Promise.all(bodies.map(async (body) => (await h.current.post(body)).status));
    expect(statuses).toEqual(bodies.map(() => 202));
    const rows = await people('local');
    expect(rows.map((r) => r.external_id).sort()).toEqual(['ann', 'bob', 'boss', 'cat', 'dan']);
    expect(rows.filter((r) => r.role === 'admin').map((r) => r.external_id)).toEqual(['boss']);
  });
});
