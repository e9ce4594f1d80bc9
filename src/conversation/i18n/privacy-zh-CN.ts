import type { privacyEnUS } from './privacy-en-US.ts';

/** 隐私与个人数据（issue 16）的中文回复，与 privacy-en-US.ts 的键一一对应。 */
type Messages = { [K in keyof typeof privacyEnUS]: (typeof privacyEnUS)[K] extends (...args: infer A) => string ? (...args: A) => string : never };

const ROLE = { admin: '管理员', manager: '你的经理', rep: '队友' } as const;
const WHAT = { day: '你某天的记录', week: '你一周的记录', report: '你的日报', plan: '你的计划', history: '你的历史记录', profile: '你的资料' } as const;
const VIA = { chat: '（聊天）', api: '（管理 API）', console: '（控制台）' } as const;

export const privacyZhCN: Messages = {
  deactivatedRefusal: () => '你的 Legwork 账号已停用，我无法再记录你的签到、备注或日报。如有误，请联系管理员。感谢你的付出！',
  privacyNotYourself: () => '不能停用或删除自己，请联系其他管理员。',
  privacyErasedForGood: () => '此人的数据已删除，账号无法重新启用。',
  personDeactivated: (p) =>
    `已停用 ${p.person}：不再提醒，不出现在排行榜和简报中，其消息将收到礼貌的拒绝。记录保持不变。发送"启用 ${p.person}"可撤销；"删除 ${p.person} 的数据"可删除其数据。`,
  personReactivated: (p) => `${p.person} 已重新启用。`,
  eraseConfirmQuestion: (p) =>
    `确定删除 ${p.person} 的数据吗？将删除其姓名和聊天账号，显示为编号的离职员工，签到位置模糊到约 1 公里` +
    (p.keepWorkRecords ? '，拜访备注和日报保留（贵公司设置了保留工作记录）。' : '，并删除拜访备注和日报的文字内容。') +
    '统计和排行榜不变。此操作无法撤销。请在 10 分钟内回复"确认删除"继续。',
  eraseNothingToConfirm: () => '没有等待确认的删除。请先发送"删除 <姓名> 的数据"。',
  personErased: (p) => `已完成：数据已删除，此人现在显示为"${p.name}"。`,
  myDataLink: (p) => `这是 Legwork 保存的关于你的全部数据（zip：一个 JSON 文件，每类一个 CSV）：${p.url}\n链接仅可使用一次，${p.minutes} 分钟内有效，请勿转发。`,
  myDataLinkLabel: () => '下载我的数据',
  whoSeesMeList: (p) =>
    [
      '以下同事可以查看你的个人记录：',
      ...p.viewers.map((v) =>
        v.sees === 'records'
          ? `• ${v.name}（${ROLE[v.role]}）：你的签到（含位置和距离）、拜访及备注、日报和计划`
          : `• ${v.name}（${ROLE[v.role]}）：客户卡片上你的拜访备注`,
      ),
      '团队排行榜会向团队显示你的积分。发送"查看记录"可查看最近 30 天谁查看过你的记录。',
    ].join('\n'),
  whoSeesMeNobody: () => '目前没有其他人可以查看你的个人记录（你不在任何团队，也没有其他管理员）。',
  accessLogEmpty: () => '最近 30 天没有人查看过你的个人记录。',
  accessLogList: (p) => ['最近 30 天查看过你记录的人：', ...p.lines.map((l) => `• ${l.time} ${l.viewer ?? '管理员'} 查看了${WHAT[l.what]}${VIA[l.via]}`)].join('\n'),
  retentionSet: (p) => `精确签到位置现在保留 ${p.days} 天，之后模糊到约 1 公里。`,
  retentionBadDays: (p) => `"${p.text}"不是 1 到 ${p.max} 之间的天数（本服务器最多保留位置 ${p.max} 天）。`,
  keepWorkRecordsSet: (p) => (p.keep ? '删除员工数据时将保留其拜访备注和日报的文字（工作记录）。' : '删除员工数据时将删除其拜访备注和日报的文字。'),
};
