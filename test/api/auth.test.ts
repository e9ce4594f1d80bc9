import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { hashToken } from '../../src/core/api-tokens/token-hash.ts';
import { ADMIN_TOKEN, client, newToken, problemOf, seedOrg, seedOtherOrg } from './support.ts';

const h = useHarness({ ADMIN_TOKEN });

describe('API tokens in chat', () => {
  it('creates a token shown once in private, stores only its hash, lists and revokes it', async () => {
    await seedOrg(h.current);
    const token = await newToken(h.current, '李四', 'CRM 同步');
    const rows = await h.current.db.selectFrom('api_tokens').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(await hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await h.current.ask('李四', 'API令牌')).toMatch(/^API 令牌：\n• CRM 同步：2026-11-27 创建（李四），从未使用$/);

    expect((await client(h.current, token)('/api/v1/users')).status).toBe(200);
    expect(await h.current.ask('李四', 'api token')).toContain('CRM 同步');

    expect(await h.current.ask('李四', 'API令牌 新建 crm 同步')).toBe('已有名为"CRM 同步"的 API 令牌，请换个名称或先撤销它。');
    expect(await h.current.ask('李四', 'API令牌 撤销 CRM 同步')).toBe('API 令牌"CRM 同步"已撤销，之后用它的请求都会被拒绝。');
    expect(await h.current.ask('李四', 'API令牌 撤销 CRM 同步')).toBe('没有名为"CRM 同步"的有效 API 令牌。发送"API令牌"查看列表。');
    expect(await h.current.ask('李四', 'API令牌')).toBe('还没有 API 令牌。发送"API令牌 新建 <名称>"创建一个。');

    const revoked = await client(h.current, token)('/api/v1/users');
    expect(revoked.status).toBe(401);
    expect((await problemOf(revoked)).code).toBe('token_revoked');
  });

  it('answers in English and refuses anyone but an admin', async () => {
    await seedOrg(h.current);
    expect(await h.current.ask('李四', 'language en')).toBe('I will reply in English.');
    const replies = await h.current.say('李四', 'api token new Payroll');
    expect(replies.join('\n')).toMatch(/^API token "Payroll" created\. It is shown only this once/);
    expect(await h.current.ask('李四', 'api token revoke payroll')).toBe('API token "Payroll" is revoked; requests using it are refused from now on.');
    expect(await h.current.ask('李四', 'api token')).toBe('No API tokens yet. Create one with "api token new <name>".');
    expect(await h.current.ask('张三', 'API令牌 新建 x')).toBe('只有管理员可以这样做，请联系李四。');
    expect(await h.current.ask('王五', 'API令牌')).toBe('只有管理员可以这样做，请联系李四。');
    expect(await h.current.db.selectFrom('api_tokens').selectAll().execute()).toHaveLength(1);
  });

  it('sends a token asked for in a group to the admin privately', async () => {
    await seedOrg(h.current);
    const inGroup = await h.current.say('李四', 'api token new 报表', { channelId: 'sales-group' });
    expect(inGroup.join('\n')).not.toMatch(/lw_/);
    const inbox = await h.current.newMessages(`/local/inbox/${encodeURIComponent('李四')}`);
    expect(inbox.map((m) => m.text).join('\n')).toMatch(/lw_[A-Za-z0-9_-]{43}/);
  });
});

describe('bearer auth', () => {
  it('answers 401 without a token or with an unknown one', async () => {
    await seedOrg(h.current);
    for (const headers of [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer lw_unknown' }] as Record<string, string>[]) {
      const res = await h.current.app.http.request('/api/v1/check-ins', { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      expect((await problemOf(res)).code).toBe('unauthorized');
    }
    // Every route sits behind the token, exports included.
    for (const path of ['/api/v1/users', '/api/v1/teams', '/api/v1/customers', '/api/v1/visits', '/api/v1/reports', '/api/v1/plans', '/api/v1/leaderboards', '/api/v1/digests/daily', '/api/v1/audit-log', '/api/v1/exports/visits.csv']) {
      expect((await h.current.app.http.request(path)).status, path).toBe(401);
    }
    expect((await h.current.app.http.request('/api/v1/customers', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(401);
  });

  it('takes ADMIN_TOKEN for any org: the only one by default, else the one named', async () => {
    const { teams } = await seedOrg(h.current);
    const admin = client(h.current, ADMIN_TOKEN);
    expect((await (await admin('/api/v1/teams')).json()).items).toHaveLength(2);
    const other = await seedOtherOrg(h.current);
    const ambiguous = await admin('/api/v1/teams');
    expect(ambiguous.status).toBe(400);
    expect((await problemOf(ambiguous)).code).toBe('org_required');
    const theirs = await (await admin(`/api/v1/teams?org=${other.orgId}`)).json();
    expect(theirs.items.map((t: any) => t.name)).toEqual(['North']);
    expect((await (await admin(`/api/v1/check-ins/${other.checkInId}?org=${other.orgId}`)).json()).at).toBe('2026-11-27T10:00:00-05:00');
    expect((await admin('/api/v1/teams?org=00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await admin('/api/v1/teams?org=nonsense')).status).toBe(404);
    // A team of the first org, asked for in the second: not found.
    expect((await admin(`/api/v1/teams/${teams['华东']}?org=${other.orgId}`)).status).toBe(404);
  });

  it("keeps an org token in its org: another org's id in ?org is a 404", async () => {
    await seedOrg(h.current);
    const other = await seedOtherOrg(h.current);
    const api = client(h.current, await newToken(h.current, '李四', 'crm'));
    expect((await api(`/api/v1/teams?org=${other.orgId}`)).status).toBe(404);
  });

  it('is refused when ADMIN_TOKEN is wrong by one character', async () => {
    await seedOrg(h.current);
    expect((await client(h.current, `${ADMIN_TOKEN.slice(0, -1)}x`)('/api/v1/teams')).status).toBe(401);
  });
});
