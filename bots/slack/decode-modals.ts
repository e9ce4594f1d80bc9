import { z } from 'zod';
import type { InboundEvent } from '../../src/conversation/types.ts';
import { parseIntent } from '../../src/conversation/intents/parse-intent.ts';
import { isValidLocalDate, isValidTimeZone, localDateOf } from '../../src/conversation/dates/local-date.ts';
import { senderOf, type SenderHints } from './decode.ts';
import { formatSlackRef, parseSlackRef, slackUserRef } from './refs.ts';
import { uiText } from './ui-text.ts';
import { FIELD_ACTION_ID, LIMITS, REPORT_BLOCKS, VISIT_BLOCKS, type ModalMetadata } from './views.ts';

/** One input's state (https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload#view_submission). */
const fieldStateSchema = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
});

/** The parts of a view_submission payload we use. */
export const viewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  team: z.object({ id: z.string() }).nullish(),
  user: z.object({ id: z.string().regex(/^[A-Z0-9]{2,40}$/), team_id: z.string().optional() }),
  view: z.object({
    id: z.string().min(1).max(200),
    team_id: z.string().optional(),
    callback_id: z.string(),
    private_metadata: z.string().max(3000).optional(),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), fieldStateSchema)) }),
  }),
});

export type ViewSubmission = z.infer<typeof viewSubmissionSchema>;

const metadataSchema = z.object({
  replyRef: z.string(),
  language: z.enum(['zh-CN', 'en-US']),
  timeZone: z.string().refine(isValidTimeZone),
});

/** A form's outcome: the core text command to run, or errors to show on the fields. */
export type SubmissionResult = { ok: true; text: string } | { ok: false; errors: Record<string, string> };

/**
 * What the form was built for. The reply ref must be one this person may receive: we wrote it, and
 * the payload is signed, but a ref for somebody else would leak their answer, so check anyway.
 */
export function readModalMetadata(submission: ViewSubmission): ModalMetadata | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(submission.view.private_metadata ?? '');
  } catch {
    return undefined;
  }
  const parsed = metadataSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const target = parseSlackRef(parsed.data.replyRef);
  const submitter = submission.user.id;
  const own = target && target.kind !== 'channel' && target.user === submitter;
  return { ...parsed.data, replyRef: own ? formatSlackRef(target) : slackUserRef(submitter) };
}

function field(submission: ViewSubmission, blockId: string): { value: string; date?: string } {
  const state = submission.view.state.values[blockId]?.[FIELD_ACTION_ID];
  return { value: (state?.value ?? '').trim(), date: state?.selected_date ?? undefined };
}

const sameText = (a: string | undefined, b: string) => (a ?? '').normalize('NFKC').trim() === b.normalize('NFKC').trim();

/**
 * The visit form as `visit <customer>: <notes>; next: <step>; follow up: <date>`, checked by parsing
 * it back: the core's parser must read exactly the fields the person filled in, otherwise a "next:"
 * typed inside the notes would silently move text into another field.
 */
export function decodeVisitSubmission(submission: ViewSubmission, metadata: ModalMetadata, now: Date): SubmissionResult {
  const t = uiText(metadata.language);
  const customer = field(submission, VISIT_BLOCKS.customer).value;
  const notes = field(submission, VISIT_BLOCKS.notes).value;
  const nextStep = field(submission, VISIT_BLOCKS.nextStep).value;
  const followUp = field(submission, VISIT_BLOCKS.followUp).date;
  const errors: Record<string, string> = {};

  if (!customer) errors[VISIT_BLOCKS.customer] = t.required;
  else if (customer.length > LIMITS.customer) errors[VISIT_BLOCKS.customer] = t.tooLong({ max: LIMITS.customer });
  else if (/[:：\n]/.test(customer)) errors[VISIT_BLOCKS.customer] = t.customerNoColon;
  if (!notes) errors[VISIT_BLOCKS.notes] = t.required;
  else if (notes.length > LIMITS.notes) errors[VISIT_BLOCKS.notes] = t.tooLong({ max: LIMITS.notes });
  if (nextStep.length > LIMITS.nextStep) errors[VISIT_BLOCKS.nextStep] = t.tooLong({ max: LIMITS.nextStep });
  if (followUp !== undefined) {
    if (!isValidLocalDate(followUp)) errors[VISIT_BLOCKS.followUp] = t.badDate;
    else if (followUp < localDateOf(now, metadata.timeZone)) errors[VISIT_BLOCKS.followUp] = t.pastDate;
  }
  if (Object.keys(errors).length) return { ok: false, errors };

  const text = [`visit ${customer}: ${notes}`, nextStep ? `next: ${nextStep}` : '', followUp ? `follow up: ${followUp}` : '']
    .filter(Boolean)
    .join('; ');
  const parsed = parseIntent(text);
  if (parsed.kind !== 'visitNote' || !sameText(parsed.customer, customer)) return { ok: false, errors: { [VISIT_BLOCKS.customer]: t.customerNoColon } };
  if (!sameText(parsed.notes, notes)) return { ok: false, errors: { [VISIT_BLOCKS.notes]: t.noLabelsInField } };
  if (!sameText(parsed.nextStep, nextStep)) return { ok: false, errors: { [VISIT_BLOCKS.nextStep]: t.noLabelsInField } };
  return { ok: true, text };
}

/** The report form as `report <text>`. */
export function decodeReportSubmission(submission: ViewSubmission, metadata: ModalMetadata): SubmissionResult {
  const t = uiText(metadata.language);
  const body = field(submission, REPORT_BLOCKS.body).value;
  if (!body) return { ok: false, errors: { [REPORT_BLOCKS.body]: t.required } };
  if (body.length > LIMITS.reportBody) return { ok: false, errors: { [REPORT_BLOCKS.body]: t.tooLong({ max: LIMITS.reportBody }) } };
  return { ok: true, text: `report ${body}` };
}

/** A submitted form as a message from its author. One submission per view id: it is the event id. */
export function decodeSubmissionEvent(submission: ViewSubmission, metadata: ModalMetadata, text: string, hints: SenderHints, receivedAt: Date): InboundEvent {
  const target = parseSlackRef(metadata.replyRef);
  const direct = target?.kind === 'user' || (target?.kind === 'ephemeral' && target.channel.startsWith('D'));
  return {
    platform: 'slack',
    eventId: `view:${submission.view.id}`,
    tenantId: submissionTeam(submission),
    sender: senderOf(submission.user.id, hints, slackUserRef(submission.user.id)),
    conversation: { ref: metadata.replyRef, kind: direct ? 'direct' : 'group' },
    text,
    receivedAt,
  };
}

/** The workspace of a submission (`team` is null for org-wide installs; the user still has one). */
export function submissionTeam(submission: ViewSubmission): string {
  return submission.team?.id ?? submission.user.team_id ?? submission.view.team_id ?? '';
}
