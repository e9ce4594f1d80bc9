import { describe, expect, it, vi } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { Seed } from '../jobs/support/seed.ts';
import { postLeaderboard } from '../../src/core/leaderboards/post-leaderboards.ts';
import type { LocalDelivered } from '../../bots/local/api.ts';

// What the Cloudflare Worker bundles in place of resvg (wrangler.toml [alias]).
vi.mock('@resvg/resvg-js', () => import('../../src/edge/no-chart-rendering.ts'));

const h = useHarness();

describe('a runtime that cannot draw charts (the Cloudflare Worker)', () => {
  it('posts the leaderboard as text alone, nothing lost', async () => {
    const seed = new Seed(h.current.db);
    await seed.org();
    await seed.user('mgr', { zone: 'Asia/Shanghai', role: 'manager', language: 'zh-CN' });
    await seed.user('张伟', { zone: 'Asia/Shanghai' });
    const teamId = await seed.team('East', { manager: 'mgr', reps: ['张伟'] });
    await seed.customer('Huawei');
    await seed.visit('张伟', 'Huawei', { at: '2026-11-24T02:00:00Z', status: 'verified' });
    expect(await postLeaderboard(h.current.db, h.current.clock.now(), { teamId, period: 'week', date: '2026-11-27' })).toBe(true);
    await h.current.app.delivery.drainOnce();
    const posts = (await (await h.current.app.http.request('/local/channels/East')).json()) as LocalDelivered[];
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toContain('East 周排行榜');
    expect(posts[0]!.image).toBeUndefined();
    expect(await h.current.db.selectFrom('chart_images').select('id').execute()).toHaveLength(0);
  });
});
