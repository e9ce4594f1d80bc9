import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { ADMIN_TOKEN, personClient, seedOrg, seedOtherOrg } from './support.ts';
import { tokenActor, visibleUserIds } from '../../src/core/access/api-actor.ts';
import { loadActor, loadPerson } from '../../src/core/access/load-actor.ts';
import { can } from '../../src/core/access/permissions.ts';

const h = useHarness({ ADMIN_TOKEN });

/**
 * The same API in a person's scope, as the console uses it: a manager sees the teams they manage,
 * a rep their own records; anything else is a 404 that does not reveal it exists.
 */
describe('scope of a person', () => {
  it("shows a manager their team's records only", async () => {
    const { teams, people, customers } = await seedOrg(h.current);
    const other = await seedOtherOrg(h.current);
    const zhang = personClient(h.current, '张三');
    const checkIns = await (await zhang('/api/v1/check-ins')).json();
    expect(checkIns.items.map((c: any) => c.userName)).toEqual(['王五']);
    const westCheckIn = await h.current.db.selectFrom('check_ins').select('id').where('user_id', '=', people['孙七']!.id).executeTakeFirstOrThrow();
    for (const path of [
      `/api/v1/check-ins/${westCheckIn.id}`,
      `/api/v1/check-ins/${other.checkInId}`,
      `/api/v1/users/${people['孙七']!.id}`,
      `/api/v1/teams/${teams['华西']}`,
      `/api/v1/check-ins?team=${teams['华西']}`,
      `/api/v1/visits?user=${people['孙七']!.id}`,
      `/api/v1/exports/visits.csv?user=${people['孙七']!.id}`,
      `/api/v1/digests/daily?team=${teams['华西']}`,
      `/api/v1/leaderboards?team=${teams['华西']}`,
    ]) {
      expect((await zhang(path)).status, path).toBe(404);
    }
    expect((await (await zhang('/api/v1/users')).json()).items.map((u: any) => u.name).sort()).toEqual(['张三', '王五']);
    expect((await (await zhang('/api/v1/teams')).json()).items.map((t: any) => t.name)).toEqual(['华东']);
    expect((await zhang(`/api/v1/visits?customer=${customers['腾讯']}`)).status).toBe(200);
    expect((await (await zhang(`/api/v1/visits?customer=${customers['腾讯']}`)).json()).items).toEqual([]);
    // Only admins read the audit log.
    expect((await zhang('/api/v1/audit-log')).status).toBe(403);
  });

  it('shows a rep their own records and nobody else', async () => {
    const { people, teams } = await seedOrg(h.current);
    const wang = personClient(h.current, '王五');
    expect((await (await wang('/api/v1/check-ins')).json()).items.map((c: any) => c.userName)).toEqual(['王五']);
    expect((await (await wang('/api/v1/users')).json()).items.map((u: any) => u.name)).toEqual(['王五']);
    expect((await wang(`/api/v1/users/${people['张三']!.id}`)).status).toBe(404);
    const csv = await (await wang('/api/v1/exports/check-ins.csv')).text();
    expect(csv.trim().split('\r\n')).toHaveLength(2);
    // A team's digest is every member's day in figures: its manager's, never a rep's (the viewTeam check).
    expect((await wang(`/api/v1/digests/daily?team=${teams['华东']}`)).status).toBe(404);
    expect((await personClient(h.current, '张三')(`/api/v1/digests/daily?team=${teams['华东']}`)).status).toBe(200);
  });
});

describe('the SQL form of the viewPerson check', () => {
  it('lists for every role exactly the people can() lets them see (a rep, two managers, an admin, a token)', async () => {
    await seedOrg(h.current);
    await seedOtherOrg(h.current);
    const db = h.current.db;
    const everyone = await db.selectFrom('users').selectAll().execute();
    const org = everyone.find((u) => u.display_name === '李四')!.org_id;
    const actors = [
      ...(await Promise.all(['王五', '张三', '赵六', '李四'].map(async (name) => loadActor(db, everyone.find((u) => u.display_name === name)!)))),
      tokenActor(org),
    ];
    for (const actor of actors) {
      const listed = (await visibleUserIds(db, actor).execute()).map((r) => r.id).sort();
      const allowed: string[] = [];
      for (const person of everyone) if (can(actor, { action: 'viewPerson', person: await loadPerson(db, person) })) allowed.push(person.id);
      expect(listed, `${actor.role} ${actor.userId}`).toEqual(allowed.sort());
    }
  });
});
