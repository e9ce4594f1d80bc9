import type { Catalogue } from './catalogue.ts';
import { rolesZhCN } from './roles-zh-CN.ts';
import { teamDayZhCN } from './team-day-zh-CN.ts';
import { chartsZhCN } from './charts-zh-CN.ts';
import { privacyZhCN } from './privacy-zh-CN.ts';
import { settingsChatZhCN } from './settings-chat-zh-CN.ts';
import { apiTokensZhCN } from './api-tokens-zh-CN.ts';
import { commentsZhCN } from './comments-zh-CN.ts';
import { consoleZhCN } from './console-zh-CN.ts';
import { alertsZhCN } from './alerts-zh-CN.ts';
import { greetingsZhCN } from './greetings-zh-CN.ts';
import { checkOutZhCN } from './check-out-zh-CN.ts';
import { pagesZhCN } from './pages-zh-CN.ts';
import { formatDistance } from './distance.ts';

/** 中文回复。每条都是完整的句子，用命名参数，不拼接片段。 */
const km = formatDistance['zh-CN'];
const minutes = (n: number) => (n >= 60 ? `${Math.floor(n / 60)} 小时 ${n % 60} 分钟` : `${n} 分钟`);

export const zhCN: Catalogue = {
  welcome: (p) =>
    p.admin
      ? `欢迎使用 Legwork，${p.name}！你是第一位用户，已成为管理员。Legwork 只在你签到时记录位置，并保存你的拜访、备注和日报（保存什么、保存多久：${p.privacyUrl}）。发送"帮助"查看所有命令。`
      : `欢迎使用 Legwork，${p.name}！Legwork 只在你签到时记录位置，并保存你的拜访、备注和日报（保存什么、保存多久：${p.privacyUrl}）。发送"帮助"查看所有命令。`,
  help: () =>
    [
      '命令（示例）：',
      '• 签到 华为 22.54,113.95 — 在客户处签到（或发送位置）',
      '• 签退 见了采购 下一步 发报价 — 签退当前拜访，记录备注（下一步、跟进可选）',
      '• 拜访 华为 演示顺利 下一步 发报价 跟进 下周五',
      '• 日报 — 查看今日汇总；"日报 <内容>" 直接提交',
      '• 今天 — 我今天的签到、拜访和日报状态',
      '• 客户 华为 — 级别、位置、最近拜访、待跟进',
      '• 新客户 华为 22.54,113.95 — 新建客户',
      '• 客户 华为 级别 A — （经理、管理员）修改客户级别；也可 "客户 华为 负责人 张三"、"客户 华为 范围 1000米"',
      '• 积分规则 — 排行榜怎么计分；（管理员）"积分 核实拜访 3 备注 2 日报 1" 修改，"签到范围 300米" 设置签到范围',
      '• 创建团队 华东 经理 张三 — （管理员）创建团队并任命经理；"加入团队 华东" 申请加入，经理同意后加入',
      '• 绑定团队 华东 — 在群里发送，排行榜将发到这个群',
      '• 设置时区 Asia/Shanghai — 设置我的时区',
      '• 排行榜 周 — 团队排行（也可以 日、月）；"不参加排行" 隐藏我的名字',
      '• 团队 — （经理）团队今天的情况：拜访、范围外签到、未交日报；"团队 张三 [昨天|12月1日|上周]" 看某人的一天或一周',
      '• 请假 到 周五 — 暂停提醒；"恢复" 重新开启',
      '• 我的数据 — 下载 Legwork 保存的关于我的全部数据；"谁能看到我"、"查看记录" 查看谁能看、谁看过我的记录',
      '• 关闭提醒 日报 — 关闭某一种提醒（日报、签退、跟进、重点客户、计划）',
      '• 设置 — 我的团队的提醒设置：工作日、节假日、免打扰、提醒和简报时间',
      '• 工作日 周一至周五 — （经理、管理员）团队的工作日；加"全公司"设置全公司默认',
      '• 节假日 添加 10月1日 至 10月7日 — （经理）这几天不发提醒；"节假日 删除 10月1日"；"节假日" 查看',
      '• 免打扰 22:00-07:00 — （经理）这段时间不发消息；"免打扰 关" 关闭',
      '• 日报提醒 18:30 — （经理）日报提醒的时间；"日报提醒 关" 关闭',
      '• 摘要时间 19:00 — （经理）经理每日简报的时间',
      '• 设为经理 张三 华东 — （管理员）任命团队经理；"设为管理员 李四" 任命管理员',
      '• 点评 王五 做得好 — （经理）回复王五最近的日报（"点评 王五 👍" 点赞）；"后台" 获取管理后台链接',
      '• 移出团队 王五 — （经理、管理员）把成员移出团队',
      '• 同意 王五 — （经理）同意加入申请；"拒绝 王五" 拒绝',
      '• 提醒 范围外 关 — （经理）关闭一种实时提醒（范围外、模拟定位、迟交、入队）；"提醒" 查看全部',
      '• 排行榜 图 — 排行榜图片；"趋势" 最近 8 周；"图表 关"（管理员）只发文字',
      '• 停用 张三 — （管理员）停用已离职的人（"启用 张三" 恢复）；"删除 张三 的数据" 删除其个人数据',
      '• API令牌 新建 CRM同步 — （管理员）管理接口的令牌；"API令牌" 列出，"API令牌 撤销 CRM同步" 撤销',
      '• 加入方式 开放 — （管理员）加入团队无需审批（"加入方式 审批" 恢复）；"共享备注 开" 团队内共享拜访备注',
      '• 语言 English — switch to English',
      '• 计划 明天 华为 10:00 目的 演示 预期 报价 — 计划拜访；「计划」「计划 明天」「计划 本周」查看路线',
      '• 取消计划 华为 — 取消计划；「改期 华为 周五 14:00」改期；「设置出发点 22.54,113.95」；「建议计划」推荐到期客户',
      '• 安排 张三 明天 华为 10:00 — （经理）为成员安排拜访；「计划 张三」查看其计划',
    ].join('\n'),
  unknownCommand: (p) => `没看懂"${p.text}"。发送"帮助"查看命令。`,
  tooLong: (p) => `消息太长了（超过 ${p.max} 个字符），请精简后再发。`,
  emptyMessage: () => '收到一条空消息。发送"帮助"查看命令。',
  usage: (p) => `缺少或无法识别的内容。示例：${p.example}`,
  nothingToChoose: () => '现在没有需要选择的列表。',
  choiceOutOfRange: (p) => `请回复 1 到 ${p.max} 之间的数字。`,
  choiceCreateOnly: (p) => `回复 1 新建"${p.name}"，或直接发送其他指令（例如换个名称）。`,
  internalError: () => '系统出错了，没有保存任何内容，请稍后再试。',

  coordinatesNotANumber: () => '坐标不是数字。请按"纬度,经度"发送，例如 22.54,113.95。',
  coordinatesOutOfRange: () => '坐标超出范围：纬度须在 -90 到 90 之间，经度须在 -180 到 180 之间。',
  coordinatesSwapped: () => '坐标好像写反了：请先写纬度，再写经度（例如 22.54,113.95）。',

  customerNotFound: (p) => `没有找到客户"${p.name}"。回复 1 新建"${p.name}"，或检查名称。`,
  customerChoose: (p) => `有多个客户匹配"${p.name}"，请回复序号：\n${p.options}`,
  customerAlreadyExists: (p) => `客户"${p.name}"已存在。`,
  customerCreated: (p) => `已新建客户"${p.name}"（${p.position}）。`,
  positionUnknown: () => '暂无位置',
  positionKnown: (p) => `${p.lat.toFixed(5)},${p.lng.toFixed(5)}`,
  customerCard: (p) =>
    [
      `${p.name}（${p.tier} 级）`,
      p.aliases ? `别名：${p.aliases}` : null,
      `位置：${p.position}`,
      `负责人：${p.owner}`,
      `最近拜访：\n${p.visits}`,
      `待跟进：\n${p.followUps}`,
    ].filter(Boolean).join('\n'),
  customerVisitLine: (p) => `• ${p.date} ${p.rep}（${p.status}）${p.notes ? `：${p.notes}` : ''}`,
  customerFollowUpLine: (p) => `• ${p.date} ${p.nextStep || '跟进'}（${p.rep}）`,
  noneYet: () => '• 暂无',
  nobody: () => '无',

  checkInNeedsCustomer: () => '签到哪个客户？示例：签到 华为 22.54,113.95',
  checkInLocationLink: (p) =>
    `在 ${p.customer} 签到需要你的位置：打开 ${p.url}（${p.minutes} 分钟内有效，仅限一次），或在这里发送位置或"纬度,经度"。`,
  checkInVerified: (p) => `已在 ${p.customer} 签到 ✓ 位置已核实（距客户 ${km(p.distance)}）。`,
  checkInOutside: (p) =>
    `已在 ${p.customer} 签到，但你距客户 ${km(p.distance)}，超出 ${km(p.radius)}范围${p.managerSees ? '，经理会看到这是一次范围外签到' : ''}。`,
  checkInUnverifiedNoPosition: (p) => `已在 ${p.customer} 签到（未核实：客户还没有位置，无法比对）。`,
  checkInUnverifiedNoLocation: (p) => `已在 ${p.customer} 签到（未核实：没有位置）。`,
  accuracyFlag: (p) => `注意：你的定位精度只有 ${km(p.accuracy)}，比 ${km(p.radius)}的范围还大。`,
  previousVisitClosed: (p) => `已先结束你在 ${p.customer} 的拜访（${minutes(p.duration)}）。`,
  alreadyCheckedIn: (p) => `你已经在 ${p.customer} 签到了。离开时发送"签退"。`,
  checkInThenNotes: () => '离开时发送"签退 <备注>"。',

  checkOutDone: (p) => `已从 ${p.customer} 签退，拜访时长 ${minutes(p.duration)}。`,
  checkOutAskNotes: () => '拜访情况如何？直接回复备注（或"拜访 <客户> <内容> 下一步 … 跟进 …"）。',
  checkOutNotesSaved: (p) => `已保存 ${p.customer} 的拜访备注。`,
  noOpenVisit: () => '你当前没有进行中的拜访。请先签到："签到 <客户>"。',

  visitNoteSaved: (p) =>
    [
      p.noteOnly ? `已记录在 ${p.customer} 的拜访（无签到，已标注）。` : `已为你在 ${p.customer} 的拜访添加备注。`,
      p.nextStep ? `下一步：${p.nextStep}` : null,
      p.followUp ? `跟进日期：${p.followUp}` : null,
    ].filter(Boolean).join('\n'),
  badFollowUpDate: (p) => `无法识别日期"${p.text}"。可以写"明天"、"下周五"或"3月5日"。`,

  reportSummary: (p) =>
    [
      `${p.date} 日报`,
      `拜访：${p.visits} 次（核实 ${p.verified}，范围外 ${p.outside}，未核实 ${p.unverified}，无签到 ${p.noteOnly}）`,
      `客户：${p.customers || '—'}`,
      p.notes ? `备注：\n${p.notes}` : null,
      `设置跟进：${p.followUps} 个`,
    ].filter(Boolean).join('\n'),
  reportNoteLine: (p) =>
    `• ${p.customer}：${p.notes || '—'}${p.nextStep ? `；下一步：${p.nextStep}` : ''}${p.followUp ? `（${p.followUp} 跟进）` : ''}`,
  reportAskText: () => '请回复你自己的总结：今天完成了什么、明天的计划、遇到的问题。也可以直接发送"日报 <内容>"。',
  reportAlreadyIn: (p) => `（你已在 ${p.time} 提交了今天的日报，再次回复会修改它。）`,
  reportSubmitted: (p) => (p.late ? `${p.date} 日报已提交——迟交（晚于 ${p.deadline}）。` : `${p.date} 日报已提交，辛苦了！`),
  reportUpdated: (p) => `${p.date} 日报已更新${p.late ? '（迟交）' : ''}。`,

  todayHeader: (p) => `今天（${p.date}）：`,
  todayVisitLine: (p) =>
    `• ${p.time} ${p.customer} — ${p.status}${p.open ? '，进行中' : ''}${p.notes ? '，已写备注' : ''}`,
  todayNoVisits: () => '• 还没有拜访',
  todayReport: (p) =>
    p.state === 'missing' ? `日报：未提交（截止 ${p.deadline}）` : p.state === 'late' ? '日报：已提交（迟交）' : '日报：已提交 ✓',
  status: (p) => ({ verified: '已核实', outside: '范围外', unverified: '未核实', note_only: '无签到' })[p.status],

  teamCreated: (p) => `已创建团队"${p.name}"，你是经理。成员发送"加入团队 ${p.name}"加入；在团队群里发送"绑定团队 ${p.name}"。`,
  teamExists: (p) => `团队"${p.name}"已存在。`,
  teamNotFound: (p) => `没有名为"${p.name}"的团队。`,
  teamJoined: (p) => `你已加入团队"${p.name}"。`,
  teamAlreadyMember: (p) => `你已经在团队"${p.name}"里了。`,
  teamBound: (p) => `本群已绑定团队"${p.name}"，排行榜将发到这里。`,
  teamBindOnlyInGroup: () => '请在要绑定的群聊里发送"绑定团队 <名称>"。',
  teamBindOnlyManager: (p) => `只有"${p.name}"的经理可以绑定群聊。`,

  timeZoneSet: (p) => `时区已设为 ${p.zone}（当地现在 ${p.time}）。`,
  timeZoneUnknown: (p) => `不认识时区"${p.zone}"。请使用 IANA 名称，例如 Asia/Shanghai 或 America/Los_Angeles。`,
  languageSet: () => '好的，之后用中文回复你。',

  locationChooseCustomer: (p) => `收到位置。你在拜访哪个客户？回复序号，或发送"签到 <客户>"：\n${p.options}`,
  locationNameCustomer: () => '收到位置。你在拜访哪个客户？请在 10 分钟内发送"签到 <客户>"。',
  nearbyCustomerLine: (p) => `${p.index}. ${p.name}（${km(p.distance)}）`,

  checkInUnverifiedImprecise: (p) =>
    `已在 ${p.customer} 签到（未核实：你的定位精度只有 ${km(p.accuracy)}，比 ${km(p.radius)}的范围还大，无法证明你在现场）。下次请到室外或稍等定位更准后再发送。`,
  staleAnswer: () => '这个列表已经失效（已经回答过、被新的问题替换或已过期），没有做任何更改。请使用最新的列表，或重新开始，例如发送"签到 <客户>"或发送位置。',
  privateReplySent: (p) => `${p.name}，后续内容已私信发给你（仅限你本人使用）。`,
  privateReplyUnreachable: (p) => `${p.name}，这条回复只能发给你本人，但我还无法私聊你。请先私聊我，再在私聊里重试。`,
  attachmentNotUnderstood: () =>
    [
      '暂时还看不懂图片、文件、语音、视频和链接。',
      '我能理解文字命令，例如"签到 华为"、"签退 <备注>"、"日报 <内容>"（发送"帮助"查看全部），以及位置。',
      '签到时请发送位置：在聊天里用"位置"发送当前位置（如果你的聊天软件支持），或发送"签到 <客户>"后打开我发给你的链接。',
    ].join('\n'),
  attachmentNotKept: () => '提示：附件本身不会保存，我只读取消息里的文字。',
  ...rolesZhCN,
  ...teamDayZhCN,
  ...chartsZhCN,
  ...privacyZhCN,
  ...settingsChatZhCN,
  ...apiTokensZhCN,
  ...commentsZhCN,
  ...consoleZhCN,
  ...alertsZhCN,
  ...greetingsZhCN,
  ...checkOutZhCN,
  ...pagesZhCN,
};
