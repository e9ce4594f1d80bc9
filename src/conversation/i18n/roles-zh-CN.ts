import type { rolesEnUS } from './roles-en-US.ts';

type Same<T> = { [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : never };

/** 角色、团队和加入团队的回复（issue #13），并入 zh-CN.ts。键与 roles-en-US.ts 相同。 */
export const rolesZhCN: Same<typeof rolesEnUS> = {
  accessOnlyAdmin: (p) => `只有管理员可以这样做，请联系${p.admins.join('或')}。`,
  accessOnlyTeamManager: (p) => `只有团队"${p.team}"的经理或管理员（${p.admins.join('、')}）可以这样做。`,
  personNotFound: (p) => `这里还没有叫"${p.name}"的同事使用 Legwork。`,
  personAmbiguous: (p) => `有不止一位同事叫"${p.name}"，请管理员改名以区分。`,
  teamCreatedWithManager: (p) => `已创建团队"${p.name}"，经理是${p.manager}。成员发送"加入团队 ${p.name}"申请加入。`,
  youManageTeam: (p) => `${p.by}任命你为团队"${p.name}"的经理。发送"团队"查看团队情况；加入申请会发给你。`,
  managerAssigned: (p) => `${p.person}现在是团队"${p.team}"的经理。`,
  managerReplaced: (p) => `${p.person}现在是团队"${p.team}"的经理，接替${p.previous}（${p.previous}已离开该团队）。`,
  youNoLongerManage: (p) => `${p.by}任命${p.person}为团队"${p.team}"的经理：你不再管理该团队，也已离开该团队。`,
  managerAlready: (p) => `${p.person}已经是团队"${p.team}"的经理了。`,
  adminAssigned: (p) => `${p.person}现在是管理员。`,
  adminAlready: (p) => `${p.person}已经是管理员了。`,
  youAreAdmin: (p) => `${p.by}任命你为管理员：你可以创建团队、任命经理。`,
  memberRemoved: (p) => `${p.person}已移出团队"${p.team}"。`,
  youWereRemoved: (p) => `${p.by}已将你移出团队"${p.team}"。`,
  notInTeam: (p) => `${p.person}不在任何团队里。`,
  notInThatTeam: (p) => `${p.person}不在团队"${p.team}"里。`,
  inSeveralTeams: (p) => `${p.person}在多个团队里（${p.teams.join('、')}），请写明团队，例如"移出团队 ${p.person} <团队>"。`,
  cannotRemoveManager: (p) => `${p.person}是团队"${p.team}"的经理，请先任命新经理（"设为经理 <姓名> ${p.team}"）。`,
  joinRequested: (p) => `已请${p.manager}批准你加入团队"${p.name}"，有结果会通知你。`,
  joinAlreadyRequested: (p) => `你已经申请加入团队"${p.name}"，经理还没有处理。`,
  joinRequestToManager: (p) => `${p.person}申请加入团队"${p.team}"。回复"同意 ${p.person}"或"拒绝 ${p.person}"。`,
  approveLabel: () => '同意',
  declineLabel: () => '拒绝',
  joinApproved: (p) => `${p.person}已加入团队"${p.team}"。`,
  joinDeclined: (p) => `已拒绝${p.person}加入团队"${p.team}"的申请。`,
  yourJoinApproved: (p) => `${p.by}已同意：你已加入团队"${p.team}"。`,
  yourJoinDeclined: (p) => `${p.by}拒绝了你加入团队"${p.team}"的申请。`,
  noJoinRequest: (p) => `${p.person}没有等你处理的加入申请。`,
  joiningSet: (p) => (p.open ? '现在任何人都可以直接加入团队，无需审批。' : '现在加入团队需要经理审批。'),
  noteSharingSet: (p) =>
    p.shared ? '现在同一团队的成员可以在客户卡片上看到彼此的拜访备注。' : '现在客户卡片上的拜访备注只给本人、团队经理和管理员看。',
  reportNotYours: (p) => `只有${p.person}的经理或管理员可以查看其日报。`,
  teamReportsOnlyManagers: (p) => `团队日报只给团队经理看。要管理团队，请联系管理员（${p.admins.join('、')}）。`,
  personReport: (p) => `${p.person}的日报（${p.date}，${p.time} 提交${p.late ? '，迟交' : ''}）：\n${p.body}`,
  personReportMissing: (p) => `${p.person}还没有提交 ${p.date} 的日报。`,
  teamReportsHeader: (p) => `团队"${p.team}"今天的日报：已交 ${p.filed}/${p.total}`,
  teamReportLine: (p) => `• ${p.person}${p.late ? '（迟交）' : ''}：${p.firstLine}`,
  teamReportMissingLine: (p) => `• ${p.person}：未交`,
  teamReportsNoMembers: () => '• 还没有成员',
  personChoose: (p) => `有不止一位同事叫"${p.name}"，是哪一位？请回复编号：\n${p.options}`,
  personOption: (p) => `${p.index}. ${p.name}（${p.teams || '未加入团队'}）`,
  personOptionDetail: (p) =>
    `${p.teams || '未加入团队'}，${p.customer === null ? `${p.date} 开始使用` : `最近签到：${p.customer} ${p.date}`}`,

  // —— h13 遗留问题：管理员的"日报 团队"也列出不在任何团队的销售（与后台一致）——
  teamReportsNoTeamHeader: (p) => `不在任何团队的销售今天的日报：已交 ${p.filed}/${p.total}`,
};
