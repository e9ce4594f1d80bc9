import { bindTeam, createTeam, joinTeam } from '../../core/teams/manage-teams.ts';
import type { Intent } from '../intents/types.ts';
import type { Turn } from '../turn.ts';

export async function handleCreateTeam(turn: Turn, intent: Extract<Intent, { kind: 'createTeam' }>): Promise<void> {
  const team = await createTeam({ db: turn.db }, { user: turn.user, name: intent.name });
  turn.reply(turn.t.teamCreated({ name: team.name }));
}

export async function handleJoinTeam(turn: Turn, intent: Extract<Intent, { kind: 'joinTeam' }>): Promise<void> {
  const team = await joinTeam({ db: turn.db }, { user: turn.user, name: intent.name });
  turn.reply(turn.t.teamJoined({ name: team.name }));
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
