import type { TypedCoordinates } from './types.ts';

/**
 * Visit-plan commands (issue 14). Dates, times and names are kept as typed: the plan use cases
 * resolve them on the person's calendar and answer bad ones in the person's language.
 */
export type PlanIntent =
  /** `计划 明天 华为 10:00 目的 … 预期 …` / `plan tomorrow Huawei 10:00; purpose: …; expect: …`; `安排 张三 …` for someone else. */
  | { kind: 'planAdd'; when: string; customers: string[]; time?: string; purpose?: string; expected?: string; assignee?: string }
  /** `计划 [明天|本周]` / `plan [tomorrow|week]`, `计划 张三 [明天]`: `who` is a name that was not a date. */
  | { kind: 'planShow'; when?: string; week?: boolean; who?: string }
  /** `取消计划 华为 [明天]` / `plan cancel Huawei [tomorrow]`. */
  | { kind: 'planCancel'; customer: string; when?: string }
  /** `改期 华为 周五 [14:00]` / `plan move Huawei Fri [14:00]`. */
  | { kind: 'planMove'; customer: string; when: string; time?: string }
  /** `设置出发点 22.54,113.95` / `home 22.54,113.95`; without coordinates the next location sets it. */
  | { kind: 'planStartPoint'; coordinates?: TypedCoordinates }
  /** `建议计划 [明天]` / `plan suggest [tomorrow]`. */
  | { kind: 'planSuggest'; when?: string };
