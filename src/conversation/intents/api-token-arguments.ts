/**
 * Admin API tokens from chat (issue 15): `API令牌` / `api token` lists them, `API令牌 新建 <名称>` /
 * `api token new <name>` creates one, `API令牌 撤销 <名称>` / `api token revoke <name>` revokes one.
 */
import { isTrailingPunctuation, trimEndWhere, trimSeparators, usage } from './command-text.ts';
import type { CommandEntry } from './parse-intent.ts';
import type { Intent } from './types.ts';

const clean = (text: string) => trimSeparators(trimEndWhere(text, isTrailingPunctuation));

const ACTION = /^(新建|创建|撤销|删除|new|create|revoke|delete)(?:\s+|(?<=[\u4e00-\u9fff])|$)(.*)$/isu;

function parseApiToken(args: string): Intent | undefined {
  const rest = clean(args);
  if (rest === '') return { kind: 'apiToken', action: 'list' };
  const match = ACTION.exec(rest);
  if (!match) return usage('apiToken');
  const name = clean(match[2] ?? '');
  if (name === '') return usage('apiToken');
  const word = match[1]!.toLowerCase();
  return { kind: 'apiToken', action: ['撤销', '删除', 'revoke', 'delete'].includes(word) ? 'revoke' : 'new', name };
}

export const API_TOKEN_COMMANDS: readonly CommandEntry[] = [
  { words: ['API令牌', 'API 令牌', 'api token', 'api tokens'], build: parseApiToken },
];
