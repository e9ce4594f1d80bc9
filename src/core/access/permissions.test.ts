import { describe, expect, it } from 'vitest';
import { can, type Actor, type Check, type PersonSubject } from './permissions.ts';
import { tokenActor } from './api-actor.ts';

const org = 'org-1';
const east = 'team-east';
const west = 'team-west';

const rep: Actor = { userId: 'wang', orgId: org, role: 'rep', managedTeamIds: [], memberTeamIds: [east] };
const teammate: Actor = { userId: 'zhao', orgId: org, role: 'rep', managedTeamIds: [], memberTeamIds: [east] };
const manager: Actor = { userId: 'zhang', orgId: org, role: 'manager', managedTeamIds: [east], memberTeamIds: [east] };
const otherManager: Actor = { userId: 'liu', orgId: org, role: 'manager', managedTeamIds: [west], memberTeamIds: [west] };
const admin: Actor = { userId: 'li', orgId: org, role: 'admin', managedTeamIds: [], memberTeamIds: [] };
const foreignAdmin: Actor = { userId: 'x', orgId: 'org-2', role: 'admin', managedTeamIds: [], memberTeamIds: [] };

const wang: PersonSubject = { userId: 'wang', orgId: org, teamIds: [east] };

/** Every role's answer for one check, in the order rep, teammate, other manager, manager, admin, admin of another org. */
function answers(check: Check): boolean[] {
  return [rep, teammate, otherManager, manager, admin, foreignAdmin].map((actor) => can(actor, check));
}

describe('can', () => {
  it('lets only admins create teams, name managers and admins, and change org settings', () => {
    for (const action of ['createTeam', 'assignRole', 'changeOrgSettings', 'manageApiTokens', 'viewAuditLog'] as const) {
      expect(answers({ action, orgId: org }), action).toEqual([false, false, false, false, true, false]);
    }
  });

  it("lets a team's manager and admins remove members, decide joins, change the team's settings and read its digest", () => {
    for (const action of ['removeFromTeam', 'decideJoin', 'changeTeamSettings', 'viewTeam'] as const) {
      expect(answers({ action, orgId: org, teamId: east }), action).toEqual([false, false, false, true, true, false]);
    }
  });

  it("shows a person's records to themselves, their team's manager and admins", () => {
    expect(answers({ action: 'viewPerson', person: wang })).toEqual([true, false, false, true, true, false]);
    // Someone in no team: only themselves and admins.
    expect(answers({ action: 'viewPerson', person: { ...wang, teamIds: [] } })).toEqual([true, false, false, false, true, false]);
  });

  it('lets a manager give work to members of the teams they manage only', () => {
    expect(answers({ action: 'assignWork', assignee: wang })).toEqual([true, false, false, true, true, false]);
  });

  it("shows visit notes to their author, the author's manager and admins; teammates only when the org shares them", () => {
    expect(answers({ action: 'viewVisitNotes', author: wang, shareNotesInTeam: false })).toEqual([true, false, false, true, true, false]);
    expect(answers({ action: 'viewVisitNotes', author: wang, shareNotesInTeam: true })).toEqual([true, true, false, true, true, false]);
  });

  it("lets admins, and managers of the owner's team, change a customer; any manager may take an unowned one", () => {
    expect(answers({ action: 'changeCustomer', orgId: org, owner: wang })).toEqual([false, false, false, true, true, false]);
    expect(answers({ action: 'changeCustomer', orgId: org, owner: null })).toEqual([false, false, true, true, true, false]);
  });

  it("lets the person's manager and admins answer their report or visit, never the person themself", () => {
    expect(answers({ action: 'giveFeedback', person: wang })).toEqual([false, false, false, true, true, false]);
    expect(answers({ action: 'giveFeedback', person: { ...wang, teamIds: [] } })).toEqual([false, false, false, false, true, false]);
  });

  it('opens the manager pages of the console to managers of a team and admins', () => {
    expect(answers({ action: 'openManagerConsole', orgId: org })).toEqual([false, false, true, true, true, false]);
  });

  it('lets only admins deactivate or erase someone, and shows an access log to its own person only', () => {
    expect(answers({ action: 'offboardPerson', orgId: org })).toEqual([false, false, false, false, true, false]);
    expect(answers({ action: 'viewAccessLog', person: wang })).toEqual([true, false, false, false, false, false]);
  });

  it('lets a manager of any team and admins look after teams at all; a rep, or a manager-by-title who manages none, not', () => {
    const titleOnly: Actor = { userId: 'qian', orgId: org, role: 'manager', managedTeamIds: [], memberTeamIds: [] };
    expect(answers({ action: 'leadAnyTeam', orgId: org })).toEqual([false, false, true, true, true, false]);
    expect(can(titleOnly, { action: 'leadAnyTeam', orgId: org })).toBe(false);
    expect(can(titleOnly, { action: 'openManagerConsole', orgId: org })).toBe(false);
  });

  it('shows the whole org at once (every team, people in none, all customers) to admins only', () => {
    expect(answers({ action: 'viewOrg', orgId: org })).toEqual([false, false, false, false, true, false]);
  });

  it('lets only admins import a customer sheet', () => {
    expect(answers({ action: 'importCustomers', orgId: org })).toEqual([false, false, false, false, true, false]);
  });

  it("gives an API token an admin's answers in its own org, none in another, and nothing as a person of its own", () => {
    const token = tokenActor(org);
    const orgChecks: Check[] = (['createTeam', 'assignRole', 'changeOrgSettings', 'manageApiTokens', 'viewAuditLog', 'offboardPerson', 'openManagerConsole', 'leadAnyTeam', 'viewOrg', 'importCustomers'] as const).map((action) => ({ action, orgId: org }));
    const checks: Check[] = [
      ...orgChecks,
      { action: 'viewTeam', orgId: org, teamId: east },
      { action: 'decideJoin', orgId: org, teamId: west },
      { action: 'viewPerson', person: wang },
      { action: 'viewPerson', person: { ...wang, teamIds: [] } },
      { action: 'assignWork', assignee: wang },
      { action: 'giveFeedback', person: wang },
      { action: 'viewVisitNotes', author: wang, shareNotesInTeam: false },
      { action: 'changeCustomer', orgId: org, owner: wang },
    ];
    for (const check of checks) {
      expect(can(token, check), check.action).toBe(can(admin, check));
      expect(can(tokenActor('org-2'), check), `${check.action} in another org`).toBe(false);
    }
    // An access log belongs to a person: a token is nobody, so it reads none.
    expect(can(token, { action: 'viewAccessLog', person: wang })).toBe(false);
  });
});
