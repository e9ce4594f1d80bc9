/**
 * `提醒 范围外 关` / `alerts offsite off`, `提醒` / `alerts` (issue #13): a manager's real-time alerts.
 * `提醒` followed by other words (`提醒我明天打电话`) is not this command, so parsing falls through.
 */
import { isTrailingPunctuation, trimEndWhere, trimSeparators, usage } from './command-text.ts';
import type { CommandEntry } from './parse-intent.ts';
import type { AlertName, Intent } from './types.ts';

const ALERT_NAMES: ReadonlyMap<string, AlertName> = new Map([
  ...['范围外', '场外', '离场', '范围外签到', '场外签到', 'offsite', 'off-site', 'outside'].map((w) => [w, 'offsite'] as const),
  ...['模拟定位', '虚拟定位', '模拟', '虚拟', 'mock', 'mocked', 'simulated', 'fake'].map((w) => [w, 'mocked'] as const),
  ...['迟交', '迟交日报', '补交', '日报', 'late', 'late report', 'late reports', 'report', 'reports'].map((w) => [w, 'lateReport'] as const),
  ...['入队', '加入', '新成员', '加入团队', 'joined', 'join', 'joins', 'new members', 'members'].map((w) => [w, 'joined'] as const),
]);

const SWITCH = /^(.+?)\s*(开启|打开|开|关闭|关|on|off)$/iu;

function parseAlerts(args: string, { attached }: { attached: boolean }): Intent | undefined {
  const text = trimSeparators(trimEndWhere(args, isTrailingPunctuation));
  if (text === '') return attached ? undefined : { kind: 'showAlerts' };
  const match = SWITCH.exec(text);
  const alert = match ? ALERT_NAMES.get(trimSeparators(match[1]!).toLowerCase()) : undefined;
  // A kind without on/off asks for usage; other words (`提醒 客户付款`, maybe a report's text) are not this command.
  if (!match || !alert) return !attached && ALERT_NAMES.has(text.toLowerCase()) ? usage('alerts') : undefined;
  const enabled = !/^(关闭|关|off)$/iu.test(match[2]!);
  return { kind: 'alertSwitch', alert, enabled };
}

export const ALERT_COMMANDS: readonly CommandEntry[] = [{ words: ['提醒', '预警', 'alerts', 'alert'], build: parseAlerts }];
