import { personToken, type AmbiguousPersonError } from '../../core/users/find-person.ts';
import { clearPendingState, savePendingState, type PendingState } from '../pending-state.ts';
import type { Turn } from '../turn.ts';

/**
 * Several colleagues have the name a command typed (`团队 张三`, `日报 张三`, `设为经理 张三 华东` …):
 * asks which with a numbered list (their teams tell them apart) and keeps the command, to run again
 * with the one picked. Runs in the refusal's turn, so the command itself changed nothing.
 */
export async function askWhichPerson(turn: Turn, error: AmbiguousPersonError): Promise<void> {
  const text = error.rerun ?? turn.event.text ?? '';
  const options = error.candidates.map((c) => ({ id: c.id, name: c.name }));
  const questionId = await savePendingState(turn.db, turn.user.id, { kind: 'choosePerson', text, typed: error.typed, options }, turn.now);
  const separator = turn.language === 'zh-CN' ? '、' : ', ';
  const teamsOf = error.candidates.map((c) => c.teams.join(separator));
  // Two in the same teams (or both in none) are told apart by their latest check-in or start date.
  const details = error.candidates.map((c, i) =>
    teamsOf.filter((t) => t === teamsOf[i]).length < 2
      ? teamsOf[i]!
      : turn.t.personOptionDetail({ teams: teamsOf[i]!, customer: c.lastCheckIn?.customer ?? null, date: c.lastCheckIn?.date ?? c.since }),
  );
  const lines = error.candidates.map((c, i) => turn.t.personOption({ index: i + 1, name: c.name, teams: details[i]! }));
  turn.reply({
    text: turn.t.personChoose({ name: error.typed, options: lines.join('\n') }),
    choices: error.candidates.map((c, i) => ({ label: `${i + 1}. ${c.name}${details[i] ? ` (${details[i]})` : ''}`, reply: String(i + 1) })),
    questionId,
  });
}

/**
 * The number picked: the command runs again as typed, with the person's token where their name was
 * (the last place it appears: names follow the command's other words, as in `客户 华为 负责人 张三`).
 */
export async function runWithPickedPerson(
  turn: Turn,
  pending: Extract<PendingState, { kind: 'choosePerson' }>,
  index: number,
  run: (text: string) => Promise<void>,
): Promise<void> {
  const option = pending.options[index - 1];
  if (!option) return turn.reply(turn.t.choiceOutOfRange({ max: pending.options.length }));
  await clearPendingState(turn.db, turn.user.id);
  turn.answeredQuestion = true;
  const at = pending.text.toLowerCase().lastIndexOf(pending.typed.toLowerCase());
  if (at < 0) return;
  await run(`${pending.text.slice(0, at)}${personToken(option.id)}${pending.text.slice(at + pending.typed.length)}`);
}
