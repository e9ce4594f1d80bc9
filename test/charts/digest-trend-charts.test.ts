import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { Seed } from '../jobs/support/seed.ts';
import { sendDigest } from '../../src/core/digests/send-digests.ts';
import { pngSignature, pngSize } from '../../src/charts/render-png.ts';
import type { LocalDelivered } from '../../bots/local/api.ts';

const h = useHarness();

/** A manager of 华东 (two reps), 华南 (one rep) and 西北 (no reps yet), each team with visits last week. */
async function threeTeams(seed: Seed): Promise<void> {
  await seed.org();
  await seed.user('mgr', { zone: 'Asia/Shanghai', role: 'manager', language: 'zh-CN' });
  for (const rep of ['张伟', '李娜', 'Anna']) await seed.user(rep, { zone: 'Asia/Shanghai' });
  await seed.team('华东', { manager: 'mgr', reps: ['张伟', '李娜'] });
  await seed.team('华南', { manager: 'mgr', reps: ['Anna'] });
  await seed.team('西北', { manager: 'mgr', reps: [] });
  await seed.customer('Huawei');
  await seed.visit('张伟', 'Huawei', { at: '2026-11-24T02:00:00Z', status: 'verified' });
  await seed.visit('Anna', 'Huawei', { at: '2026-11-25T02:00:00Z', status: 'verified' });
}

async function inbox(userId: string): Promise<LocalDelivered[]> {
  return (await (await h.current.app.http.request(`/local/inbox/${userId}`)).json()) as LocalDelivered[];
}

async function png(url: string): Promise<Buffer> {
  const res = await h.current.app.http.request(new URL(url).pathname);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe('the weekly digest of a manager of several teams (issue 18)', () => {
  it("carries each team's trend chart: the first on the digest, each other team's in its own message after it, once", async () => {
    const seed = new Seed(h.current.db);
    await threeTeams(seed);
    const now = h.current.clock.now();
    expect(await sendDigest(h.current.db, now, { kind: 'weekly', managerId: seed.id('mgr'), date: '2026-11-30' })).toBe(true);
    // A retry of the job writes nothing more.
    expect(await sendDigest(h.current.db, now, { kind: 'weekly', managerId: seed.id('mgr'), date: '2026-11-30' })).toBe(false);
    await h.current.app.delivery.drainOnce();

    const messages = await inbox('mgr');
    expect(messages).toHaveLength(2);
    const [digest, second] = messages as [LocalDelivered, LocalDelivered];
    // The digest's text covers every team; its picture is the first team's trend.
    expect(digest.text).toContain('华东');
    expect(digest.text).toContain('华南');
    expect(digest.image?.alt).toContain('华东：近 8 周');
    // The second team's chart follows in a message whose text names the team and the weeks.
    expect(second.text).toMatch(/^华南：近 8 周/);
    expect(second.image?.alt).toContain('华南：近 8 周');
    expect(second.image?.url).not.toBe(digest.image?.url);
    for (const message of [digest, second]) {
      const bytes = await png(message.image!.url);
      expect(bytes.subarray(0, 8).equals(pngSignature)).toBe(true);
      expect(pngSize(bytes).width).toBe(1000);
    }
    // 西北 has no reps: no chart for it.
    expect(messages.some((m) => m.text.startsWith('西北'))).toBe(false);
  });

  it('with charts off, the digest is text alone and nothing follows it', async () => {
    const seed = new Seed(h.current.db);
    await threeTeams(seed);
    await h.current.db.updateTable('orgs').set({ charts: false }).execute();
    expect(await sendDigest(h.current.db, h.current.clock.now(), { kind: 'weekly', managerId: seed.id('mgr'), date: '2026-11-30' })).toBe(true);
    await h.current.app.delivery.drainOnce();
    const messages = await inbox('mgr');
    expect(messages).toHaveLength(1);
    expect(messages[0]!.image).toBeUndefined();
    expect(messages[0]!.text).toContain('华南');
  });
});
