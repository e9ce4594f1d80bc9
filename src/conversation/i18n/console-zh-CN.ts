import type { RowProblem } from '../../core/customers/row-problems.ts';
import type { consoleEnUS } from './console-en-US.ts';
import { formatDistance } from './distance.ts';

/** 后台页面文案（中文），与 console-en-US.ts 同样的键。 */
const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

export const consoleZhCN: typeof consoleEnUS = {
  consoleTitle: () => 'Legwork 管理后台',
  consoleNavToday: () => '今天',
  consoleNavReports: () => '日报',
  consoleNavCustomers: () => '客户',
  consoleNavLeaderboard: () => '排行榜',
  consoleNavCharts: () => '图表',
  consoleNavMyWeek: () => '我的一周',
  consoleLogout: () => '退出登录',
  consoleSignedInAs: (p) => `${p.name}（${{ admin: '管理员', manager: '经理', rep: '销售' }[p.role]}）`,

  consoleLoginTitle: () => '打开 Legwork 管理后台',
  consoleLoginBody: (p) => `此链接将以${p.name}的身份登录 12 小时，只能使用一次。`,
  consoleLoginButton: () => '进入后台',
  consoleLinkUsedTitle: () => '此链接已经用过了',
  consoleLinkExpiredTitle: () => '此链接已过期',
  consoleLinkInvalidTitle: () => '此链接无效',
  consoleSessionEndedTitle: () => '你尚未登录',
  consoleGetNewLink: () => '后台链接只能用一次，10 分钟内有效。请在聊天中给 Legwork 发送"后台"获取新链接。',
  consoleLoggedOutTitle: () => '你已退出登录',
  consoleForbiddenTitle: () => '此页面仅供经理使用',
  consoleForbiddenBody: () => '你的后台可以查看自己的一周和日报。如果你负责管理团队，请联系管理员。',
  consoleNotFoundTitle: () => '找不到',
  consoleNotFoundBody: () => '这里没有你可以查看的内容。',
  consoleCsrfTitle: () => '表单被拒绝',
  consoleCsrfBody: () => '这个表单不是从本后台页面提交的（或页面已过期）。请返回、刷新页面后重试。',

  consoleTodayTitle: (p) => `今天（${p.date}）`,
  consoleTeamHeading: (p) => `${p.team} · ${p.reps} 人`,
  consoleNoTeamHeading: (p) => `不在任何团队 · ${p.reps} 人`,
  consoleNoReps: () => '这个团队还没有销售。',
  consoleNoCheckIns: () => '还没有签到。',
  consoleColTime: () => '时间',
  consoleColCustomer: () => '客户',
  consoleColStatus: () => '签到',
  consoleColDistance: () => '距离',
  consoleDistance: (p) => formatDistance['zh-CN'](p.m),
  consoleOpenVisit: () => '未签退',
  consoleOpenVisits: (p) => `${p.count} 个拜访未签退`,
  consoleReportState: (p) => ({ in: '日报已交', late: '日报迟交', missing: '日报未交' })[p.state],
  consoleWeekLink: () => '本周',

  consoleWeekTitle: (p) => `${p.person}：${p.from} 至 ${p.to}`,
  consolePrevWeek: () => '← 上一周',
  consoleNextWeek: () => '下一周 →',
  consoleDayHeading: (p) => `${WEEKDAYS[p.weekday - 1]} ${p.date}`,
  consoleNoVisits: () => '没有拜访。',
  consoleNotes: (p) => `备注：${p.notes}`,
  consoleNextStep: (p) => `下一步：${p.nextStep}${p.followUp ? `（${p.followUp} 跟进）` : ''}`,
  consolePlanHeading: (p) => `计划：完成 ${p.done}/${p.planned}`,
  consolePlanStop: (p) => `${p.time ? `${p.time} ` : ''}${p.customer} — ${{ planned: '计划中', done: '已完成', missed: '未完成', cancelled: '已取消' }[p.state]}`,
  consoleReportMissing: () => '没有日报。',
  consoleDailyReport: () => '日报',

  consoleReportsTitle: (p) => `日报（${p.date}）`,
  consoleMyReportsTitle: () => '我的日报',
  consoleReportMeta: (p) => `${p.person} · ${p.date} · ${p.time} 提交${p.late ? '（迟交）' : ''}`,
  consoleReportNotFiled: (p) => `${p.person}：还没有日报。`,
  consoleNoReports: () => '没有日报。',
  consoleReplies: () => '回复',
  consoleReplyLine: (p) => `${p.author}（${p.time}）：${p.text ?? '👍'}`,
  consoleReplyLabel: (p) => `回复${p.person}`,
  consoleReplySend: () => '发送回复',
  consoleLike: () => '👍 点赞',
  consoleReplySent: (p) => `已发给${p.person}。`,
  consoleReplySaved: (p) => `已保存。暂时无法在聊天中联系到${p.person}，对方发"今天"时会看到。`,
  consoleDatePick: () => '日期',
  consoleShow: () => '查看',

  consoleCustomersTitle: () => '客户',
  consoleSearchLabel: () => '按名称、别名或拼音搜索',
  consoleSearch: () => '搜索',
  consoleColName: () => '名称',
  consoleColTier: () => '级别',
  consoleColOwner: () => '负责人',
  consoleColPosition: () => '位置',
  consoleColLastVisit: () => '最近拜访',
  consoleColDue: () => '拜访频率',
  consoleDueWithin: (p) => `周期内（${p.days} 天）`,
  consoleDueOverdue: (p) => `已超期（周期 ${p.days} 天）`,
  consoleDueNone: () => '无周期',
  consoleNever: () => '从未',
  consoleNoPosition: () => '无',
  consoleNoOwner: () => '无人',
  consoleNoCustomers: () => '没有找到客户。',
  consoleCustomersMore: (p) => `只显示前 ${p.shown} 个，请搜索缩小范围。`,
  consoleNewCustomer: () => '新建客户',
  consoleEditCustomer: (p) => `编辑 ${p.name}`,
  consoleEdit: () => '编辑',
  consoleSave: () => '保存',
  consoleCreate: () => '创建',
  consoleFieldName: () => '名称',
  consoleFieldTier: () => '级别',
  consoleFieldOwner: () => '负责人',
  consoleFieldLat: () => '纬度',
  consoleFieldLng: () => '经度',
  consoleFieldSystem: () => '坐标系',
  consoleFieldAddress: () => '地址',
  consoleSystemWgs84: () => 'WGS-84（GPS）',
  consoleSystemGcj02: () => 'GCJ-02（国内地图）',
  consoleSaved: (p) => `已保存"${p.name}"。`,
  consoleBadPosition: () => '纬度和经度必须都是有效数字，或者都留空。',
  consoleBadName: () => '客户需要名称。',
  consoleImportTitle: () => '从 CSV 导入',
  consoleImportHelp: () => '列：名称、别名、级别、纬度、经度、坐标系、地址、负责人（或英文 name, aliases, tier, lat, lng, coordinate system, address, owner）。UTF-8 或 GB18030 编码。',
  consoleImportButton: () => '导入',
  consoleImportResult: (p) => `新建 ${p.created}，更新 ${p.updated}，未变 ${p.unchanged}，失败 ${p.failed}。`,
  consoleImportLine: (p) => `第 ${p.line} 行：${p.message}`,
  consoleImportIgnored: (p) => `忽略的列：${p.columns}`,
  consoleImportNoFile: () => '请选择要导入的 CSV 文件。',
  consoleImportFailed: (p) => `无法导入这个文件：${p.message}`,
  consoleImportNoNameColumn: (p) => `文件里没有名称列（名称 或 name）。现有的列：${p.headers}`,
  consoleImportProblems: (p) => p.problems.map(rowProblemZh).join('；'),

  consoleLeaderboardTitle: (p) => `排行榜：${{ day: '日', week: '周', month: '月' }[p.period]}（自 ${p.start}）`,
  consolePeriod: (p) => ({ day: '日', week: '周', month: '月' })[p.period],
  consoleColRank: () => '名次',
  consoleColPoints: () => '积分',
  consoleColVisits: () => '拜访',
  consoleColVerified: () => '有效',
  consoleHiddenName: () => '（不显示姓名）',
  consoleNoTeams: () => '没有可显示的团队。',

  consoleChartsTitle: (p) => `图表（${p.from} 至 ${p.to}）`,
  consoleChartVisits: () => '每人每天拜访数',
  consoleChartCoverage: () => '各级别客户覆盖',
  consoleChartPunctuality: () => '日报准时情况',
  consoleChartPlot: (p) => `签到与客户位置（${p.date}）`,
  consolePlotHelp: () => '圆点是客户，叉号是签到，每个签到用线连到其客户。没有地图，只有位置。',
  consoleSeriesCustomers: () => '客户',
  consoleSeriesCheckIns: () => '签到',
  consoleSeriesWithin: () => '周期内已拜访',
  consoleSeriesOverdue: () => '已超期',
  consoleSeriesIn: () => '准时',
  consoleSeriesLate: () => '迟交',
  consoleSeriesMissing: () => '未交',
  consoleNeedsScript: () => '图表需要启用 JavaScript。',

  // —— h13 遗留问题：今天页不把休息日、请假算作未交日报 ——
  consoleNoReportDue: (p) => (p.why === 'dayOff' ? '休息日，无需日报' : '请假'),
};

/** 客户表格中一行的问题（中文）。 */
function rowProblemZh(problem: RowProblem): string {
  switch (problem.kind) {
    case 'nameEmpty':
      return '名称为空';
    case 'nameTooLong':
      return '名称超过 200 个字';
    case 'badTier':
      return `级别"${problem.value}"不是 A、B 或 C`;
    case 'badSystem':
      return `坐标系"${problem.value}"不是 wgs84 或 gcj02`;
    case 'latWithoutLng':
      return '有纬度没有经度';
    case 'lngWithoutLat':
      return '有经度没有纬度';
    case 'badPosition':
      return { not_a_number: `纬度/经度 ${problem.lat}, ${problem.lng} 不是数字`, out_of_range: `纬度/经度 ${problem.lat}, ${problem.lng} 超出范围`, swapped: `纬度/经度 ${problem.lat}, ${problem.lng} 似乎填反了（纬度在前）` }[problem.why];
    case 'duplicateName':
      return `"${problem.name}"已在第 ${problem.line} 行出现`;
    case 'unknownOwner':
      return `负责人"${problem.owner}"不是本公司的用户（请填显示名或聊天账号）`;
    case 'ambiguousOwner':
      return `负责人"${problem.owner}"对应 ${problem.count} 个用户，请填聊天账号`;
    case 'unreadable':
      return `无法读取这一行（${problem.detail}）`;
    case 'refusedByDatabase':
      return `数据库拒绝了这一行（${problem.detail}）`;
  }
}
