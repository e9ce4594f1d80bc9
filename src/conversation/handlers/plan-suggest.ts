import { suggestPlan } from '../../core/plans/suggest-plans.ts';
import { planVisits } from '../../core/plans/plan-visits.ts';
import { dayLabel, planMessages } from '../../core/plans/plan-days.ts';
import { clearPendingState, savePendingState, type PendingState } from '../pending-state.ts';
import type { Turn } from '../turn.ts';

/** `建议计划 [明天]` / `plan suggest [tomorrow]`: the due stops, numbered; the answer picks them. */
export async function handlePlanSuggest(turn: Turn, whenText: string | undefined): Promise<void> {
  const t = planMessages(turn.language);
  const suggestion = await suggestPlan({ db: turn.db, clock: turn.clock }, { user: turn.user, ...(whenText ? { whenText } : {}) });
  if (!suggestion.ok) {
    return turn.reply(
      suggestion.problem === 'badDate' ? t.badDate({ text: whenText ?? '' }) : t.pastDate({ day: dayLabel(suggestion.date!, suggestion.today) }),
    );
  }
  const day = dayLabel(suggestion.date, suggestion.today);
  if (suggestion.stops.length === 0) return turn.reply(t.suggestNone({ day }));
  const pending: PendingState = { kind: 'chooseSuggestedStops', date: suggestion.date, customerIds: suggestion.stops.map((s) => s.customerId) };
  await savePendingState(turn.db, turn.user.id, pending, turn.now);
  const lines = suggestion.stops.map((s, i) => t.suggestLine({ index: i + 1, customer: s.name, tier: s.tier, reason: s.reason, days: s.days }));
  turn.reply({
    text: [t.suggestHeading({ day }), ...lines, t.suggestFooter()].join('\n'),
    choices: [{ label: turn.language === 'zh-CN' ? '全部加入' : 'Take all', reply: '1' }],
  });
}

/** `1` takes every suggested stop; `1 3 4` takes those. Numbers out of range change nothing. */
export async function pickSuggestedStops(turn: Turn, pending: Extract<PendingState, { kind: 'chooseSuggestedStops' }>, picks: readonly number[]): Promise<void> {
  const t = planMessages(turn.language);
  const max = pending.customerIds.length;
  if (picks.some((n) => n < 1 || n > max)) return turn.reply(t.suggestPickBad({ max }));
  const chosen = picks.length === 1 && picks[0] === 1 ? pending.customerIds : [...new Set(picks)].map((n) => pending.customerIds[n - 1]!);
  const customers = await turn.db.selectFrom('customers').selectAll().where('org_id', '=', turn.org.id).where('id', 'in', chosen).execute();
  const ordered = chosen.map((id) => customers.find((c) => c.id === id)).filter((c) => c !== undefined);
  await clearPendingState(turn.db, turn.user.id);
  turn.reply(await planVisits({ db: turn.db, clock: turn.clock }, { actor: turn.user, person: turn.user, customers: ordered, draft: { whenText: pending.date } }));
}
