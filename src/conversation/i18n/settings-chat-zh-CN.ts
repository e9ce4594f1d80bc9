import type { settingsChatEnUS } from './settings-chat-en-US.ts';

/** 聊天里的设置（签到范围、客户的级别/负责人/范围、积分规则）的中文回复，与 settings-chat-en-US.ts 同键。 */
export const settingsChatZhCN: typeof settingsChatEnUS = {
  orgRadiusSet: (p) => `签到范围已改为 ${p.meters} 米（设置了自己范围的客户不变）。`,
  customerRadiusSet: (p) => `在 ${p.customer} 签到，${p.meters} 米以内算在现场。`,
  customerRadiusCleared: (p) => `${p.customer} 改用公司的签到范围（${p.meters} 米）。`,
  radiusOutOfRange: (p) => `签到范围须在 ${p.min} 米到 ${p.max} 米之间，例如"签到范围 300米"。`,
  radiusUnreadable: (p) => `"${p.typed}"不是能看懂的距离，请写成"300米"或"1公里"。`,
  customerTierSet: (p) => `${p.customer} 现在是 ${p.tier} 级客户。`,
  tierUnknown: (p) => `"${p.typed}"不是客户级别，请用 A、B 或 C。`,
  customerOwnerSet: (p) => `${p.customer} 的负责人改为 ${p.owner}。`,
  customerNotFoundToChange: (p) => `没有叫"${p.name}"的客户；可以发送"新客户 ${p.name}"创建。`,
  customerAmbiguousToChange: (p) => `有多个客户符合"${p.name}"（${p.options.join('、')}），请写全名。`,
  customerChangeRefused: (p) =>
    p.team
      ? `只有管理员（${p.admins.join('、')}）或团队"${p.team}"的经理可以修改 ${p.customer}。`
      : `只有管理员（${p.admins.join('、')}）或团队经理可以修改 ${p.customer}。`,
  customerChangeAdminsOnly: (p) => `只有管理员（${p.admins.join('、')}）可以修改 ${p.customer}。`,
  ownerOutsideYourTeams: (p) => `${p.person} 不在你管理的团队里；管理员（${p.admins.join('、')}）可以把这个客户交给他。`,
  pointsRules: (p) =>
    [
      p.change === 'updated' ? '积分规则已更新，现在是：' : p.change === 'unchanged' ? '积分规则没有变化，仍是：' : '排行榜积分规则：',
      `• 核实拜访：${p.verified} 分`,
      `• 核实拜访并写了备注和下一步：另加 ${p.notes} 分`,
      `• 按时提交日报：${p.report} 分`,
      `• 范围外签到：${p.outside} 分`,
      `• 核实拜访计划中的客户：另加 ${p.planned} 分`,
      ...(p.canChange ? ['修改：发送"积分 核实拜访 3 备注 2 日报 1"（还有 范围外、计划）。'] : []),
    ].join('\n'),
  pointsUnreadable: (p) => `看不懂"${p.typed}"。请写名称和分数，例如"积分 核实拜访 3 备注 2 日报 1"（还有 范围外、计划）。`,
  pointsOutOfRange: (p) => `积分须是 0 到 ${p.max} 的整数。`,

  // —— h13 遗留问题：只发"签到范围"时告诉对方现在的范围 ——
  orgRadiusShow: (p) =>
    `公司的签到范围是 ${p.meters} 米：距客户 ${p.meters} 米以内签到算在现场（设置了自己范围的客户按各自的范围）。` +
    (p.canChange ? `\n要修改，请发送"签到范围 300米"。` : ''),
};
