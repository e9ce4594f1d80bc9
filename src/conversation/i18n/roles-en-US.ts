/**
 * English replies about roles, teams and joining (issue #13), spread into en-US.ts. Whole sentences
 * from named parameters, like the rest of the catalogue; roles-zh-CN.ts provides the same keys.
 */
export const rolesEnUS = {
  accessOnlyAdmin: (p: { admins: string[] }) => `Only an admin can do that. Ask ${p.admins.join(' or ')}.`,
  accessOnlyTeamManager: (p: { team: string; admins: string[] }) =>
    `Only the manager of "${p.team}" or an admin (${p.admins.join(', ')}) can do that.`,
  personNotFound: (p: { name: string }) => `No one called "${p.name}" uses Legwork here yet.`,
  personAmbiguous: (p: { name: string }) => `More than one person is called "${p.name}"; an admin can tell them apart by renaming one.`,
  teamCreatedWithManager: (p: { name: string; manager: string }) =>
    `Team "${p.name}" created; ${p.manager} manages it. Reps ask to join with "join ${p.name}".`,
  youManageTeam: (p: { name: string; by: string }) =>
    `${p.by} made you the manager of team "${p.name}". Send "team" for its day; join requests will come to you.`,
  managerAssigned: (p: { person: string; team: string }) => `${p.person} now manages team "${p.team}".`,
  managerReplaced: (p: { person: string; team: string; previous: string }) =>
    `${p.person} now manages team "${p.team}" instead of ${p.previous}, who has left the team.`,
  youNoLongerManage: (p: { team: string; person: string; by: string }) =>
    `${p.by} made ${p.person} the manager of team "${p.team}": you no longer manage it and have left it.`,
  managerAlready: (p: { person: string; team: string }) => `${p.person} already manages team "${p.team}".`,
  adminAssigned: (p: { person: string }) => `${p.person} is now an admin.`,
  adminAlready: (p: { person: string }) => `${p.person} is already an admin.`,
  youAreAdmin: (p: { by: string }) => `${p.by} made you an admin: you can create teams and name managers.`,
  memberRemoved: (p: { person: string; team: string }) => `${p.person} is no longer in team "${p.team}".`,
  youWereRemoved: (p: { team: string; by: string }) => `${p.by} removed you from team "${p.team}".`,
  notInTeam: (p: { person: string }) => `${p.person} is not in any team.`,
  notInThatTeam: (p: { person: string; team: string }) => `${p.person} is not in team "${p.team}".`,
  inSeveralTeams: (p: { person: string; teams: string[] }) => `${p.person} is in several teams (${p.teams.join(', ')}); say which, e.g. "remove ${p.person} from <team>".`,
  cannotRemoveManager: (p: { person: string; team: string }) =>
    `${p.person} manages team "${p.team}"; name another manager first ("make <name> manager of ${p.team}").`,
  joinRequested: (p: { name: string; manager: string }) => `Asked ${p.manager} to let you join team "${p.name}". I'll tell you when they decide.`,
  joinAlreadyRequested: (p: { name: string }) => `You already asked to join team "${p.name}"; its manager has not decided yet.`,
  joinRequestToManager: (p: { person: string; team: string }) =>
    `${p.person} asks to join team "${p.team}". Reply "approve ${p.person}" or "decline ${p.person}".`,
  approveLabel: (): string => 'Approve',
  declineLabel: (): string => 'Decline',
  joinApproved: (p: { person: string; team: string }) => `${p.person} joined team "${p.team}".`,
  joinDeclined: (p: { person: string; team: string }) => `Declined ${p.person}'s request to join team "${p.team}".`,
  yourJoinApproved: (p: { team: string; by: string }) => `${p.by} approved: you are now in team "${p.team}".`,
  yourJoinDeclined: (p: { team: string; by: string }) => `${p.by} declined your request to join team "${p.team}".`,
  noJoinRequest: (p: { person: string }) => `${p.person} has no join request waiting for you.`,
  joiningSet: (p: { open: boolean }): string =>
    p.open ? 'Anyone can now join a team without approval.' : "Joining a team now needs its manager's approval.",
  noteSharingSet: (p: { shared: boolean }): string =>
    p.shared ? "Team members now see each other's visit notes on customer cards." : "Visit notes on customer cards are now shown only to their author, the team's manager and admins.",
  reportNotYours: (p: { person: string }) => `Only ${p.person}'s manager or an admin can read their reports.`,
  teamReportsOnlyManagers: (p: { admins: string[] }) => `Team reports are for team managers. To manage a team, ask an admin (${p.admins.join(', ')}).`,
  personReport: (p: { person: string; date: string; time: string; late: boolean; body: string }) =>
    `${p.person}'s daily report for ${p.date} (submitted ${p.time}${p.late ? ', late' : ''}):\n${p.body}`,
  personReportMissing: (p: { person: string; date: string }) => `${p.person} has not submitted a daily report for ${p.date} yet.`,
  teamReportsHeader: (p: { team: string; filed: number; total: number }) => `Team "${p.team}" daily reports today: ${p.filed} of ${p.total} in`,
  teamReportLine: (p: { person: string; late: boolean; firstLine: string }) => `• ${p.person}${p.late ? ' (late)' : ''}: ${p.firstLine}`,
  teamReportMissingLine: (p: { person: string }) => `• ${p.person}: not yet`,
  teamReportsNoMembers: () => '• no members yet',
  personChoose: (p: { name: string; options: string }) => `More than one person is called "${p.name}". Which one? Reply with the number:\n${p.options}`,
  personOption: (p: { index: number; name: string; teams: string }) => `${p.index}. ${p.name} (${p.teams || 'in no team'})`,
  /** Two people in the same teams, told apart by their latest check-in or the day they started. */
  personOptionDetail: (p: { teams: string; customer: string | null; date: string }) =>
    `${p.teams || 'in no team'}, ${p.customer === null ? `since ${p.date}` : `last check-in ${p.customer} ${p.date}`}`,

  // --- h13 leftovers: an admin's "report team" lists the reps in no team too, as the console does ---
  teamReportsNoTeamHeader: (p: { filed: number; total: number }) => `In no team, daily reports today: ${p.filed} of ${p.total} in`,
};
