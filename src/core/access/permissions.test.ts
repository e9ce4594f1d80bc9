import { describe, expect, it } from 'vitest';
import { can, type Actor, type Check, type PersonSubject } from './permissions.ts';

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
});
