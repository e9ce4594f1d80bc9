/**
 * Settings from chat (issue #13): the org's radius, a customer's tier/owner/radius, points. Values are
 * kept as typed; the use cases read and bound them so bad values are answered in the user's language.
 */
import { isTrailingPunctuation, trimEndWhere, trimSeparators, usage } from './command-text.ts';
import type { CommandEntry } from './parse-intent.ts';
import type { Intent } from './types.ts';

const clean = (text: string) => trimSeparators(trimEndWhere(text, isTrailingPunctuation));

/** A Chinese field word may touch its value (`级别A`); an English one needs a space. */
const CUSTOMER_FIELD_ZH = /^(.+?)\s+(范围|签到范围|级别|等级|负责人)\s*(.*)$/u;
const CUSTOMER_FIELD_EN = /^(.+?)\s+(radius|tier|owner)(?:\s+(.*))?$/iu;
const FIELDS: Record<string, 'radius' | 'tier' | 'owner'> = {
  范围: 'radius',
  签到范围: 'radius',
  级别: 'tier',
  等级: 'tier',
  负责人: 'owner',
  radius: 'radius',
  tier: 'tier',
  owner: 'owner',
};

/**
 * `华为 级别 A` / `Huawei tier A` after `客户` / `customer`; undefined for anything else, so
 * `客户 华为` stays the customer card.
 */
export function parseCustomerChange(args: string): Intent | undefined {
  const match = CUSTOMER_FIELD_ZH.exec(args) ?? CUSTOMER_FIELD_EN.exec(args);
  if (!match) return undefined;
  const customer = clean(match[1]!);
  const value = clean(match[3] ?? '');
  if (customer === '' || value === '') return usage('customerSetting');
  return { kind: 'changeCustomer', customer, field: FIELDS[match[2]!.toLowerCase()]!, value };
}

export const SETTINGS_CHAT_COMMANDS: readonly CommandEntry[] = [
  {
    words: ['签到范围', 'check-in radius', 'radius'],
    build: (args) => {
      const radius = clean(args);
      // Alone it is a question: what is the radius now?
      return radius === '' ? { kind: 'showOrgRadius' } : { kind: 'setOrgRadius', radius };
    },
  },
  {
    words: ['积分规则', 'points rules', 'point rules', 'scoring'],
    build: (args) => (clean(args) === '' ? { kind: 'showPoints' } : undefined),
  },
  {
    words: ['积分', 'points'],
    build: (args, { attached }) => {
      const rules = clean(args);
      // `积分榜…` glued to the word is not this command; `积分核实拜访 3` is.
      if (attached && !/^(?:核实|拜访|备注|日报|按时|范围外|场外|计划)/u.test(rules)) return undefined;
      return rules === '' ? { kind: 'showPoints' } : { kind: 'setPoints', rules };
    },
  },
];
