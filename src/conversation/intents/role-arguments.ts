/**
 * Arguments of the role and team-membership commands (issue #13): who, and of which team. Names are
 * only split here, never looked up: the use cases resolve them and answer in the user's language.
 */
import { isTrailingPunctuation, trimEndWhere, trimSeparators, usage } from './command-text.ts';
import type { Intent } from './types.ts';

const clean = (text: string) => trimSeparators(trimEndWhere(text, isTrailingPunctuation));

/** `华东 经理 张三` / `East manager Zhang`: the team, then optionally its manager. */
export function parseCreateTeam(args: string): Intent {
  const match = /^(.+?)\s+(?:经理|manager)[:：]?\s+(.+)$/iu.exec(args);
  const name = clean(match ? match[1]! : args);
  if (name === '') return usage('createTeam');
  return match ? { kind: 'createTeam', name, manager: clean(match[2]!) } : { kind: 'createTeam', name };
}

/** `张三 华东`: a person, then a team (Chinese word order; names hold no spaces). */
function personThenTeam(args: string): { person: string; team?: string } | undefined {
  const [person, ...rest] = clean(args).split(/\s+/u);
  if (!person) return undefined;
  const team = rest.join(' ');
  return team ? { person, team } : { person };
}

/** `设为经理 张三 华东`. */
export function parseAssignManagerZh(args: string): Intent {
  const parts = personThenTeam(args);
  return parts?.team ? { kind: 'assignManager', person: parts.person, team: parts.team } : usage('assignManager');
}

/** `make Zhang manager of East`, `make Li admin`; anything else starting with "make" is not a command. */
export function parseMake(args: string): Intent | undefined {
  const text = clean(args);
  const manager = /^(.+?)\s+(?:the\s+)?manager\s+(?:of|for)\s+(?:team\s+)?(.+)$/iu.exec(text);
  if (manager) return { kind: 'assignManager', person: clean(manager[1]!), team: clean(manager[2]!) };
  const admin = /^(.+?)\s+(?:an?\s+)?admin(?:istrator)?$/iu.exec(text);
  if (admin) return { kind: 'assignAdmin', person: clean(admin[1]!) };
  return undefined;
}

/** `移出团队 王五 [华东]`. */
export function parseRemoveZh(args: string): Intent {
  const parts = personThenTeam(args);
  return parts ? { kind: 'removeFromTeam', ...parts } : usage('removeFromTeam');
}

/** `remove Wang [from East]`. */
export function parseRemoveEn(args: string): Intent {
  const match = /^(.+?)(?:\s+from\s+(?:team\s+)?(.+))?$/iu.exec(clean(args));
  if (!match) return usage('removeFromTeam');
  const team = match[2] ? clean(match[2]) : '';
  return { kind: 'removeFromTeam', person: clean(match[1]!), ...(team ? { team } : {}) };
}

/**
 * `同意 王五` / `approve Wang`. A word glued to what follows (`同意签约`) is prose, not a decision,
 * so it falls through to free text (it may be a report or checkout notes).
 */
export function parseDecision(approve: boolean) {
  return (args: string, { attached }: { attached: boolean }): Intent | undefined => {
    if (attached) return undefined;
    const person = clean(args);
    return person === '' ? usage('decideJoin') : { kind: 'decideJoin', person, approve };
  };
}

const SWITCH_WORDS: ReadonlyMap<string, boolean> = new Map([
  ...['开放', '开', '开启', '打开', 'open', 'on', 'yes'].map((w) => [w, true] as const),
  ...['审批', '关', '关闭', 'approval', 'approve', 'closed', 'off', 'no'].map((w) => [w, false] as const),
]);

/** `加入方式 开放|审批` / `joining open|approval`, `共享备注 开|关` / `share notes on|off`. */
export function parseOrgAccess(setting: 'openJoining' | 'shareTeamNotes' | 'charts') {
  return (args: string): Intent => {
    const enabled = SWITCH_WORDS.get(clean(args).toLowerCase());
    return enabled === undefined ? usage('setOrgAccess') : { kind: 'setOrgAccess', setting, enabled };
  };
}
