import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { ADMIN_TOKEN, client, consoleCookie, newToken, personClient, seedOrg } from './support.ts';

const h = useHarness({ ADMIN_TOKEN });

async function accessLog() {
  return h.current.db.selectFrom('access_log').select(['viewer_id', 'subject_id', 'what', 'via']).orderBy('id').execute();
}

describe("reading one person's records writes their access log", () => {
  it('GET /users/{id} and the lists filtered by user=, with a token: viewer null, via api', async () => {
    const { people } = await seedOrg(h.current);
    await h.current.say('王五', '日报 拜访了华为');
    const api = client(h.current, await newToken(h.current, '李四', 'hr'));
    const wang = people['王五']!.id;
    const paths: [string, string][] = [
      [`/api/v1/users/${wang}`, 'profile'],
      [`/api/v1/check-ins?user=${wang}`, 'history'],
      [`/api/v1/visits?user=${wang}`, 'history'],
      [`/api/v1/reports?user=${wang}`, 'report'],
      [`/api/v1/plans?user=${wang}`, 'plan'],
    ];
    for (const [path, what] of paths) {
      const before = (await accessLog()).length;
      expect((await api(path)).status, path).toBe(200);
      expect((await accessLog()).slice(before), path).toEqual([{ viewer_id: null, subject_id: wang, what, via: 'api' }]);
    }
    // A list of everyone is not one person's history.
    const before = (await accessLog()).length;
    expect((await api('/api/v1/visits')).status).toBe(200);
    expect(await accessLog()).toHaveLength(before);
  });

  it("a manager's session is the viewer; a person reading their own records is not logged", async () => {
    const { people } = await seedOrg(h.current);
    const wang = people['王五']!.id;
    expect((await personClient(h.current, '张三')(`/api/v1/check-ins?user=${wang}`)).status).toBe(200);
    expect((await personClient(h.current, '王五')(`/api/v1/users/${wang}`)).status).toBe(200);
    expect(await accessLog()).toEqual([{ viewer_id: people['张三']!.id, subject_id: wang, what: 'history', via: 'api' }]);
  });

  it("the console's week page of someone else: via console", async () => {
    const { people } = await seedOrg(h.current);
    const wang = people['王五']!.id;
    const cookie = await consoleCookie(h.current, '张三');
    const res = await h.current.app.http.request(`/console/people/${wang}/week`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const own = await h.current.app.http.request(`/console/people/${people['张三']!.id}/week`, { headers: { cookie } });
    expect(own.status).toBe(200);
    expect(await accessLog()).toEqual([{ viewer_id: people['张三']!.id, subject_id: wang, what: 'week', via: 'console' }]);
  });
});
