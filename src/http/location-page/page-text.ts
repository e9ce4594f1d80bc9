import type { Language } from '../../conversation/intents/types.ts';

/**
 * The location page's own words, in both languages. Entries are whole sentences with named
 * `{placeholders}` (never glued fragments) so the same templates can be filled on the server and in
 * the page's script. Chat confirmations reuse the conversation catalogue instead.
 */
const enUS = {
  pageTitleIn: 'Check in — Legwork',
  pageTitleOut: 'Check out — Legwork',
  headingIn: 'Check in at {customer}',
  headingOut: 'Check out of {customer}',
  headingPick: 'Check in: choose the customer',
  locating: 'Getting your position…',
  accuracy: 'Accuracy: ±{accuracy}',
  distance: '{distance} from {customer}',
  withinRadius: 'Within the {radius} check-in radius.',
  outsideRadius: 'Outside the {radius} check-in radius: this check-in will be marked as off-site.',
  customerNoPosition: '{customer} has no position on file, so this check-in will be unverified.',
  accuracyPoor: 'Your position is less precise than the {radius} radius. Step outside or wait a moment, then refresh.',
  impreciseRadius: 'Too imprecise to verify against the {radius} radius: this check-in will be recorded as unverified.',
  permissionDenied:
    'Location permission was denied. Allow location for this page in your browser or app settings and try again, or continue without location.',
  positionUnavailable: 'Your position is not available right now (no GPS or network signal).',
  positionTimeout: 'Getting your position took too long.',
  geolocationUnsupported: 'This browser cannot share your position.',
  withoutLocationHint: 'Without location the check-in is recorded as unverified.',
  retry: 'Try again',
  refresh: 'Refresh position',
  submitIn: 'Check in at {customer}',
  submitOut: 'Check out of {customer}',
  submitPick: 'Check in',
  submitInWithoutLocation: 'Check in without location',
  submitOutWithoutLocation: 'Check out without location',
  submittingIn: 'Checking in…',
  submittingOut: 'Checking out…',
  pickLegend: 'Customer',
  searchLabel: 'Find a customer',
  searchPlaceholder: 'Name or alias',
  pickNone: 'No customers match.',
  pickFirst: 'Choose a customer first.',
  noCustomers: 'Your organisation has no customers yet. Add one in the chat: "new customer <name>".',
  pickDistance: '{distance} away',
  pickNoPosition: 'no position on file',
  resultVerified: 'Checked in ✓ verified',
  resultOutside: 'Checked in — outside the radius',
  resultUnverified: 'Checked in — unverified',
  resultOut: 'Checked out ✓',
  resultMocked: 'The position was reported as simulated (mock location). Your manager will see this.',
  /** The same to someone no manager hears of (no team, or managing their own team only). */
  resultMockedRecorded: 'The position was reported as simulated (mock location), and is recorded as such.',
  resultBackToChat: 'The confirmation was sent to your chat. You can close this page.',
  networkError: 'Could not reach Legwork. Check your connection and try again.',
  badRequest: 'The page sent something Legwork could not read. Reload the page and try again.',
  customerRequired: 'Choose a customer first.',
  customerNotFound: 'That customer no longer exists. Reload the page and choose another.',
  customerMismatch: 'This link is for another customer.',
  mockedChatNote: 'Note: the position was reported as simulated (mock location).',
  expiredTitle: 'This link has expired',
  expiredBody: 'Location links are valid for a few minutes. Ask for a new one in the chat, e.g. "checkin Huawei".',
  usedTitle: 'This link was already used',
  usedBody: 'Each location link works once. Check the chat for the result, or ask for a new link.',
  tamperedTitle: 'This link is not valid',
  tamperedBody: 'The link is damaged or was changed. Open it again from the chat, or ask for a new one.',
  userGoneTitle: 'This link is no longer valid',
  userGoneBody: 'The account this link was made for no longer exists.',
  noOpenVisitTitle: 'Nothing to check out of',
  backToChat: 'You can close this page and return to the chat.',
  // Issue 11 item 10: until when a link works, and the way to a fresh one when it expired.
  validUntil: 'This link works once, until {time}.',
  expiredShortBody: 'Location links are valid for a few minutes.',
  expiredNewLinkIn: 'Send "{command}" in the chat for a new link.',
  expiredNewLinkPick: 'Tap 📍 in the web chat again for a new link, or send "{command}" in the chat.',
  expiredCheckOut: 'To check out, send "{command}" in the chat, or tap 📍 there again for a new link.',
  checkInCommand: 'checkin {customer}',
  checkInAnyCommand: 'checkin <customer name>',
  checkOutCommand: 'checkout',
};

export type PageText = typeof enUS;
export type PageTextKey = keyof PageText;

const zhCN: PageText = {
  pageTitleIn: '签到 — Legwork',
  pageTitleOut: '签退 — Legwork',
  headingIn: '在 {customer} 签到',
  headingOut: '从 {customer} 签退',
  headingPick: '签到：选择客户',
  locating: '正在获取你的位置…',
  accuracy: '定位精度：±{accuracy}',
  distance: '距 {customer} {distance}',
  withinRadius: '在 {radius}签到范围内。',
  outsideRadius: '超出 {radius}签到范围：这次签到会被标记为范围外签到。',
  customerNoPosition: '{customer} 还没有位置信息，这次签到将是未核实。',
  accuracyPoor: '你的定位精度比 {radius}的范围还差。请到室外或稍等片刻，然后刷新位置。',
  impreciseRadius: '定位不够精确，无法按 {radius}的范围核实：这次签到将记为未核实。',
  permissionDenied: '位置权限被拒绝。请在浏览器或应用设置中允许此页面使用位置后重试，或不带位置继续。',
  positionUnavailable: '暂时无法获取你的位置（没有 GPS 或网络信号）。',
  positionTimeout: '获取位置超时。',
  geolocationUnsupported: '这个浏览器无法提供你的位置。',
  withoutLocationHint: '不带位置的签到会记录为未核实。',
  retry: '重试',
  refresh: '刷新位置',
  submitIn: '在 {customer} 签到',
  submitOut: '从 {customer} 签退',
  submitPick: '签到',
  submitInWithoutLocation: '不带位置签到',
  submitOutWithoutLocation: '不带位置签退',
  submittingIn: '正在签到…',
  submittingOut: '正在签退…',
  pickLegend: '客户',
  searchLabel: '查找客户',
  searchPlaceholder: '名称或别名',
  pickNone: '没有匹配的客户。',
  pickFirst: '请先选择客户。',
  noCustomers: '你的公司还没有客户。请在聊天中添加："新客户 <名称>"。',
  pickDistance: '距离 {distance}',
  pickNoPosition: '暂无位置',
  resultVerified: '签到成功 ✓ 位置已核实',
  resultOutside: '已签到 — 超出范围',
  resultUnverified: '已签到 — 未核实',
  resultOut: '签退成功 ✓',
  resultMocked: '该位置被报告为模拟定位，经理会看到这一点。',
  resultMockedRecorded: '该位置被报告为模拟定位，已如实记录。',
  resultBackToChat: '确认消息已发到你的聊天中，可以关闭此页面。',
  networkError: '无法连接 Legwork。请检查网络后重试。',
  badRequest: '页面提交的内容无法识别。请刷新页面后重试。',
  customerRequired: '请先选择客户。',
  customerNotFound: '该客户已不存在。请刷新页面后选择其他客户。',
  customerMismatch: '这个链接是给另一个客户的。',
  mockedChatNote: '注意：该位置被报告为模拟定位。',
  expiredTitle: '链接已过期',
  expiredBody: '位置链接只在几分钟内有效。请在聊天中重新获取，例如发送"签到 华为"。',
  usedTitle: '链接已被使用',
  usedBody: '每个位置链接只能使用一次。请在聊天中查看结果，或重新获取链接。',
  tamperedTitle: '链接无效',
  tamperedBody: '链接已损坏或被修改。请从聊天中重新打开，或重新获取链接。',
  userGoneTitle: '链接已失效',
  userGoneBody: '这个链接对应的账号已不存在。',
  noOpenVisitTitle: '没有可签退的拜访',
  backToChat: '可以关闭此页面，回到聊天。',
  // Issue 11 item 10: until when a link works, and the way to a fresh one when it expired.
  validUntil: '此链接仅可使用一次，有效至 {time}。',
  expiredShortBody: '位置链接只在几分钟内有效。',
  expiredNewLinkIn: '在聊天中发送"{command}"即可获取新链接。',
  expiredNewLinkPick: '在网页聊天中再点一次 📍 获取新链接，或在聊天中发送"{command}"。',
  expiredCheckOut: '要签退，请在聊天中发送"{command}"，或在那里再点一次 📍 获取新链接。',
  checkInCommand: '签到 {customer}',
  checkInAnyCommand: '签到 <客户名称>',
  checkOutCommand: '签退',
};

const texts: Record<Language, PageText> = { 'en-US': enUS, 'zh-CN': zhCN };

export function pageTextFor(language: Language): PageText {
  return texts[language];
}

/** Fills `{name}` placeholders; unknown names are left as they are so a missing value is visible. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The page language for a visitor we cannot identify (a damaged link): from Accept-Language. */
export function languageFromHeader(header: string | undefined): Language {
  if (!header) return 'en-US';
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en-US';
  }
  return 'en-US';
}
