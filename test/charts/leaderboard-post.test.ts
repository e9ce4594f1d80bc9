import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { Seed } from '../jobs/support/seed.ts';
import { postLeaderboard } from '../../src/core/leaderboards/post-leaderboards.ts';
import { pngSignature, pngSize } from '../../src/charts/render-png.ts';
import { pruneBookkeeping } from '../../src/core/housekeeping/prune.ts';
import type { LocalDelivered } from '../../bots/local/api.ts';

const h = useHarness();

/** A team of three reps bound to the local channel `East`, one of them opted out, with visits this week. */
async function team(): Promise<{ seed: Seed; teamId: string }> {
  const seed = new Seed(h.current.db);
  await seed.org();
  await seed.user('mgr', { zone: 'Asia/Shanghai', role: 'manager', language: 'zh-CN' });
  for (const rep of ['张伟', 'Anna', 'Dan']) await seed.user(rep, { zone: 'Asia/Shanghai' });
  const teamId = await seed.team('East', { manager: 'mgr', reps: ['张伟', 'Anna', 'Dan'] });
  await seed.customer('Huawei');
  await seed.visit('张伟', 'Huawei', { at: '2026-11-24T02:00:00Z', status: 'verified' });
  await seed.visit('Anna', 'Huawei', { at: '2026-11-25T02:00:00Z', status: 'verified' });
  await h.current.db.insertInto('user_schedule_prefs').values({ user_id: seed.id('Dan'), leaderboard_opt_out: true }).execute();
  return { seed, teamId };
}

async function channel(): Promise<LocalDelivered[]> {
  const res = await h.current.app.http.request('/local/channels/East');
  return (await res.json()) as LocalDelivered[];
}

describe('leaderboard posts carry a chart (issue 18)', () => {
  it('posts the text with a picture the local chat shows by a signed, expiring URL', async () => {
    const { teamId } = await team();
    expect(await postLeaderboard(h.current.db, h.current.clock.now(), { teamId, period: 'week', date: '2026-11-27' })).toBe(true);
    await h.current.app.delivery.drainOnce();
    const [post] = await channel();
    expect(post!.text).toContain('East 周排行榜');
    expect(post!.image).toEqual({ url: expect.stringMatching(/^http:\/\/legwork\.test\/i\/[\w.-]+\.png$/), alt: expect.stringContaining('条形图') });
    const res = await h.current.app.http.request(new URL(post!.image!.url).pathname);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(0, 8).equals(pngSignature)).toBe(true);
    expect(pngSize(png).width).toBe(1000);
    // The opted-out rep appears on the chart as on the text board.
    expect(post!.text).toContain('（不参加排名的同事）');
    expect(post!.image!.alt).not.toContain('Dan');
    // One picture per post: a second run of the job writes nothing and draws nothing.
    expect(await postLeaderboard(h.current.db, h.current.clock.now(), { teamId, period: 'week', date: '2026-11-27' })).toBe(false);
    expect(await h.current.db.selectFrom('chart_images').select('id').execute()).toHaveLength(1);
  });

  it('refuses a tampered or expired link, and housekeeping deletes the chart after 7 days', async () => {
    const { teamId } = await team();
    await postLeaderboard(h.current.db, h.current.clock.now(), { teamId, period: 'week', date: '2026-11-27' });
    await h.current.app.delivery.drainOnce();
    const path = new URL((await channel())[0]!.image!.url).pathname;
    const tampered = path.replace(/\.(\d+)\./, (_, exp: string) => `.${Number(exp) + 1}.`);
    expect((await h.current.app.http.request(tampered)).status).toBe(404);
    expect((await h.current.app.http.request('/i/nothing.png')).status).toBe(404);
    h.current.clock.advance(7 * 86_400_000 + 1000);
    expect((await h.current.app.http.request(path)).status).toBe(404);
    const pruned = await pruneBookkeeping({ db: h.current.db, now: h.current.clock.now() });
    expect(pruned.chartImages).toBe(1);
  });

  it('sends text only when an admin turned charts off', async () => {
    const { teamId } = await team();
    await h.current.db.updateTable('orgs').set({ charts: false }).execute();
    await postLeaderboard(h.current.db, h.current.clock.now(), { teamId, period: 'week', date: '2026-11-27' });
    await h.current.app.delivery.drainOnce();
    const [post] = await channel();
    expect(post!.text).toContain('East 周排行榜');
    expect(post!.image).toBeUndefined();
    expect(await h.current.db.selectFrom('chart_images').select('id').execute()).toHaveLength(0);
  });
});
