/**
 * Who may do what: the one rule set that chat, the admin API, the console and privacy work all ask.
 * Pure: the caller loads the actor ({@link loadActor}) and the facts about the subject, so every rule
 * is unit-tested per role without a database.
 *
 * Roles: an admin (the org's first user, and whom admins name) may do everything in their org; a
 * manager may act on the teams they manage (`teams.manager_id`) and on the people in them; a rep acts
 * on their own records only.
 */
import type { Role } from '../../db/schema.ts';

/** The person asking, with the teams that decide what they may touch. */
export interface Actor {
  userId: string;
  orgId: string;
  role: Role;
  /** Teams whose manager is this person. */
  managedTeamIds: readonly string[];
  /** Teams this person belongs to (as a rep or as their manager). */
  memberTeamIds: readonly string[];
}

/** A person something is about: their id, org and the teams they belong to. */
export interface PersonSubject {
  userId: string;
  orgId: string;
  teamIds: readonly string[];
}

/** What is being attempted, with the facts about its subject that the rule needs. */
export type Check =
  /** Create a team (and name its manager). */
  | { action: 'createTeam'; orgId: string }
  /** Make someone a manager or an admin. */
  | { action: 'assignRole'; orgId: string }
  /** Take a member out of a team. */
  | { action: 'removeFromTeam'; orgId: string; teamId: string }
  /** Approve or decline a request to join a team. */
  | { action: 'decideJoin'; orgId: string; teamId: string }
  /** See a person's check-ins, visits, reports and plans. */
  | { action: 'viewPerson'; person: PersonSubject }
  /** Read the notes of a visit someone logged (on a customer card). */
  | { action: 'viewVisitNotes'; author: PersonSubject; shareNotesInTeam: boolean }
  /** Org-wide settings: check-in radius, points rules, open joining, note sharing. */
  | { action: 'changeOrgSettings'; orgId: string }
  /** A team's own settings. */
  | { action: 'changeTeamSettings'; orgId: string; teamId: string }
  /** A team's digest and trend charts (issue 18): every member's day and weeks in figures. */
  | { action: 'viewTeam'; orgId: string; teamId: string }
  /** A customer's tier, owner or radius; `owner` is null for a customer nobody owns. */
  | { action: 'changeCustomer'; orgId: string; owner: PersonSubject | null }
  /** Give a person a task, such as a planned visit. */
  | { action: 'assignWork'; assignee: PersonSubject }
  /** Create, list or revoke the org's admin API tokens (a token acts as an admin of the org). */
  | { action: 'manageApiTokens'; orgId: string }
  /** Read the org's audit log (who changed what, before and after). */
  | { action: 'viewAuditLog'; orgId: string }
  /** Answer (or 👍) a person's report or visit: their manager or an admin, never the person themself. */
  | { action: 'giveFeedback'; person: PersonSubject }
  /** Open the manager's pages of the console (the team's today, reports, charts): managers and admins. */
  | { action: 'openManagerConsole'; orgId: string }
  /** Deactivate (or reactivate) someone who left, or erase their data (issue 16). */
  | { action: 'offboardPerson'; orgId: string }
  /** Read a person's access log (who opened their individual history). */
  | { action: 'viewAccessLog'; person: PersonSubject }
  /**
   * Look after some team at all (approve joins, take members out, give others work, read a team's
   * reports in chat): a team's manager or an admin. Lets chat refuse a rep, naming the admins, before
   * it looks anyone up; the act itself is then checked against the team or person it is about.
   */
  | { action: 'leadAnyTeam'; orgId: string }
  /**
   * The whole org at once rather than team by team: every team and person in the console's lists,
   * people in no team, and customers whoever owns them (or nobody) on the charts. Admins (and an API
   * token, which acts as one).
   */
  | { action: 'viewOrg'; orgId: string }
  /** Import a customer sheet (console CSV upload): rows may name any owner in the org, so admins only. */
  | { action: 'importCustomers'; orgId: string };

export type Action = Check['action'];

/** Whether `actor` may perform `check`. Nothing crosses orgs, whatever the role. */
export function can(actor: Actor, check: Check): boolean {
  if (orgOf(check) !== actor.orgId) return false;
  const admin = actor.role === 'admin';
  switch (check.action) {
    case 'createTeam':
    case 'assignRole':
    case 'changeOrgSettings':
    case 'manageApiTokens':
    case 'viewAuditLog':
    case 'offboardPerson':
    case 'viewOrg':
    case 'importCustomers':
      return admin;
    case 'viewAccessLog':
      // The log is the person's own: the people it lists are the ones who could read it otherwise.
      return check.person.userId === actor.userId;
    case 'removeFromTeam':
    case 'decideJoin':
    case 'changeTeamSettings':
    case 'viewTeam':
      return admin || manages(actor, check.teamId);
    case 'viewPerson':
    case 'assignWork': {
      const person = check.action === 'viewPerson' ? check.person : check.assignee;
      return admin || person.userId === actor.userId || managesAnyOf(actor, person.teamIds);
    }
    case 'giveFeedback':
      if (check.person.userId === actor.userId) return false;
      return admin || managesAnyOf(actor, check.person.teamIds);
    case 'openManagerConsole':
    case 'leadAnyTeam':
      return admin || actor.managedTeamIds.length > 0;
    case 'viewVisitNotes':
      if (admin || check.author.userId === actor.userId || managesAnyOf(actor, check.author.teamIds)) return true;
      // An org may let a team's members read each other's notes (a shared account, a hand-over).
      return check.shareNotesInTeam && check.author.teamIds.some((id) => actor.memberTeamIds.includes(id));
    case 'changeCustomer':
      if (admin) return true;
      // A manager may move or grade a customer owned in their teams, or one nobody owns yet.
      if (actor.managedTeamIds.length === 0) return false;
      return check.owner === null || check.owner.userId === actor.userId || managesAnyOf(actor, check.owner.teamIds);
  }
}

function orgOf(check: Check): string {
  switch (check.action) {
    case 'viewPerson':
    case 'giveFeedback':
    case 'viewAccessLog':
      return check.person.orgId;
    case 'viewVisitNotes':
      return check.author.orgId;
    case 'assignWork':
      return check.assignee.orgId;
    default:
      return check.orgId;
  }
}

function manages(actor: Actor, teamId: string): boolean {
  return actor.managedTeamIds.includes(teamId);
}

function managesAnyOf(actor: Actor, teamIds: readonly string[]): boolean {
  return teamIds.some((id) => actor.managedTeamIds.includes(id));
}
