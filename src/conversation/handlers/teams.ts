import { bindTeam, createTeam, joinTeam } from '../../core/teams/manage-teams.ts';
import { assignAdmin, assignManager } from '../../core/teams/team-roles.ts';
import { decideJoin, removeFromTeam } from '../../core/teams/team-members.ts';
import { setOrgAccess } from '../../core/access/org-access.ts';
import { notifyPerson } from '../notify-person.ts';
import { raiseAlerts } from '../../core/alerts/raise-alerts.ts';
import type { Intent } from '../intents/types.ts';
import type { Turn } from '../turn.ts';

/** `创建团队 华东 [经理 张三]` / `team create East [manager Zhang]` (admins). */
export async function handleCreateTeam(turn: Turn, intent: Extract<Intent, { kind: 'createTeam' }>): Promise<void> {
  const team = await createTeam({ db: turn.db }, { user: turn.user, name: intent.name, managerName: intent.manager });
  if (team.manager.id === turn.user.id) return turn.reply(turn.t.teamCreated({ name: team.name }));
  turn.reply(turn.t.teamCreatedWithManager({ name: team.name, manager: team.manager.display_name }));
  await notifyPerson(turn, team.manager.id, (t) => t.youManageTeam({ name: team.name, by: turn.user.display_name }));
}

/**
 * `加入团队 华东` / `join East`: joins at once in an open org (or an admin joining), and the team's
 * manager hears of it as an alert (batched, a switch, held in quiet hours); else asks the manager.
 */
export async function handleJoinTeam(turn: Turn, intent: Extract<Intent, { kind: 'joinTeam' }>): Promise<void> {
  const outcome = await joinTeam({ db: turn.db, now: turn.now }, { user: turn.user, org: turn.org, name: intent.name });
  if (outcome.status === 'joined') {
    turn.reply(turn.t.teamJoined({ name: outcome.name }));
    await raiseAlerts(turn.db, {
      orgId: turn.org.id,
      subjectUserId: turn.user.id,
      now: turn.now,
      toManagers: [outcome.managerId],
      alerts: [{ kind: 'joined', about: `${outcome.teamId}:${turn.user.id}:${turn.now.toISOString()}`, detail: { team: outcome.name, at: turn.now.toISOString() } }],
    });
    return;
  }
  turn.reply(turn.t.joinRequested({ name: outcome.name, manager: outcome.manager.display_name }));
  // Through the alerts, but never batched or switched off: it is a question with buttons the rep
  // waits on, and no other place asks it. It goes at once, or when the manager's quiet hours end.
  await raiseAlerts(turn.db, {
    orgId: turn.org.id,
    subjectUserId: turn.user.id,
    now: turn.now,
    toManagers: [outcome.manager.id],
    alerts: [{ kind: 'joinRequest', about: outcome.requestId, detail: { team: outcome.name, at: turn.now.toISOString() } }],
  });
}

/** `同意 王五` / `approve Wang`, `拒绝 王五` / `decline Wang`. */
export async function handleDecideJoin(turn: Turn, intent: Extract<Intent, { kind: 'decideJoin' }>): Promise<void> {
  const { person, teams } = await decideJoin({ db: turn.db, now: turn.now }, { user: turn.user, personName: intent.person, approve: intent.approve });
  const by = turn.user.display_name;
  for (const team of teams) {
    turn.reply(intent.approve ? turn.t.joinApproved({ person: person.display_name, team }) : turn.t.joinDeclined({ person: person.display_name, team }));
    await notifyPerson(turn, person.id, (t) => (intent.approve ? t.yourJoinApproved({ team, by }) : t.yourJoinDeclined({ team, by })));
  }
}

/** `设为经理 张三 华东` / `make Zhang manager of East` (admins). */
export async function handleAssignManager(turn: Turn, intent: Extract<Intent, { kind: 'assignManager' }>): Promise<void> {
  const { person, team, previous } = await assignManager({ db: turn.db }, { user: turn.user, personName: intent.person, teamName: intent.team });
  const by = turn.user.display_name;
  turn.reply(previous ? turn.t.managerReplaced({ person: person.display_name, team, previous: previous.name }) : turn.t.managerAssigned({ person: person.display_name, team }));
  if (person.id !== turn.user.id) await notifyPerson(turn, person.id, (t) => t.youManageTeam({ name: team, by }));
  // The manager replaced left the team: they hear it from the chat, not by finding it gone.
  if (previous && previous.id !== turn.user.id) await notifyPerson(turn, previous.id, (t) => t.youNoLongerManage({ team, person: person.display_name, by }));
}

/** `设为管理员 李四` / `make Li admin` (admins). */
export async function handleAssignAdmin(turn: Turn, intent: Extract<Intent, { kind: 'assignAdmin' }>): Promise<void> {
  const { person } = await assignAdmin({ db: turn.db }, { user: turn.user, personName: intent.person });
  turn.reply(turn.t.adminAssigned({ person: person.display_name }));
  await notifyPerson(turn, person.id, (t) => t.youAreAdmin({ by: turn.user.display_name }));
}

/** `移出团队 王五 [华东]` / `remove Wang [from East]` (the team's manager, admins). */
export async function handleRemoveFromTeam(turn: Turn, intent: Extract<Intent, { kind: 'removeFromTeam' }>): Promise<void> {
  const { person, team } = await removeFromTeam({ db: turn.db }, { user: turn.user, personName: intent.person, teamName: intent.team });
  turn.reply(turn.t.memberRemoved({ person: person.display_name, team: team.name }));
  if (person.id !== turn.user.id) await notifyPerson(turn, person.id, (t) => t.youWereRemoved({ team: team.name, by: turn.user.display_name }));
}

/** `加入方式 开放` / `joining open`, `共享备注 开` / `share notes on` (admins). */
export async function handleSetOrgAccess(turn: Turn, intent: Extract<Intent, { kind: 'setOrgAccess' }>): Promise<void> {
  await setOrgAccess({ db: turn.db }, { user: turn.user, setting: intent.setting, enabled: intent.enabled });
  turn.reply(
    intent.setting === 'openJoining'
      ? turn.t.joiningSet({ open: intent.enabled })
      : intent.setting === 'charts'
        ? turn.t.chartsSet({ on: intent.enabled })
        : turn.t.noteSharingSet({ shared: intent.enabled }),
  );
}

/** `绑定团队 <名称>` in a group: leaderboards for the team go to this group from now on. */
export async function handleBindTeam(turn: Turn, intent: Extract<Intent, { kind: 'bindTeam' }>): Promise<void> {
  const team = await bindTeam(
    { db: turn.db },
    {
      user: turn.user,
      name: intent.name,
      channelRef: turn.event.conversation.ref,
      inGroup: turn.event.conversation.kind === 'group',
    },
  );
  turn.reply(turn.t.teamBound({ name: team.name }));
}
