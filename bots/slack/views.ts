import type { Language } from '../../src/conversation/intents/types.ts';
import type { PersonOverview, ReportDraft } from '../../src/conversation/ports/person-queries.ts';
import { chunkLines, escapeMrkdwn, truncate, type SlackBlock } from './encode.ts';
import { uiText } from './ui-text.ts';

/** A Block Kit view (https://docs.slack.dev/reference/views), as plain JSON. */
export type SlackView = Record<string, unknown>;

export const VISIT_CALLBACK_ID = 'legwork_visit';
export const REPORT_CALLBACK_ID = 'legwork_report';

/** Block ids of the form fields: `response_action: 'errors'` names these. */
export const VISIT_BLOCKS = { customer: 'customer', notes: 'notes', nextStep: 'next_step', followUp: 'follow_up' } as const;
export const REPORT_BLOCKS = { body: 'body' } as const;
/** Every input has this action id; the block id tells the fields apart. */
export const FIELD_ACTION_ID = 'value';

/** Field lengths: the composed command must stay under the core's 4,000-character limit. */
export const LIMITS = { customer: 200, notes: 2500, nextStep: 500, reportBody: 3800 } as const;

/**
 * Carried through the modal in `private_metadata` (max 3,000 chars): where the answer goes (the
 * slash command's channel, privately), and the language and time zone the form was built for.
 */
export interface ModalMetadata {
  replyRef: string;
  language: Language;
  timeZone: string;
}

const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });

function textInput(blockId: string, label: string, options: { multiline?: boolean; optional?: boolean; max: number; initial?: string; placeholder?: string }): SlackBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: options.optional ?? false,
    label: plain(label),
    element: {
      type: 'plain_text_input',
      action_id: FIELD_ACTION_ID,
      multiline: options.multiline ?? false,
      max_length: options.max,
      ...(options.initial ? { initial_value: truncate(options.initial, options.max) } : {}),
      ...(options.placeholder ? { placeholder: plain(options.placeholder) } : {}),
    },
  };
}

/** The visit notes form: customer, notes, next step, follow-up date (https://docs.slack.dev/surfaces/modals). */
export function visitModal(metadata: ModalMetadata, initialCustomer?: string): SlackView {
  const t = uiText(metadata.language);
  return {
    type: 'modal',
    callback_id: VISIT_CALLBACK_ID,
    private_metadata: JSON.stringify(metadata),
    title: plain(t.visitTitle),
    submit: plain(t.save),
    close: plain(t.cancel),
    blocks: [
      textInput(VISIT_BLOCKS.customer, t.customerLabel, { max: LIMITS.customer, initial: initialCustomer, placeholder: t.customerPlaceholder }),
      textInput(VISIT_BLOCKS.notes, t.notesLabel, { multiline: true, max: LIMITS.notes, placeholder: t.notesPlaceholder }),
      textInput(VISIT_BLOCKS.nextStep, t.nextStepLabel, { optional: true, max: LIMITS.nextStep }),
      {
        type: 'input',
        block_id: VISIT_BLOCKS.followUp,
        optional: true,
        label: plain(t.followUpLabel),
        element: { type: 'datepicker', action_id: FIELD_ACTION_ID },
      },
    ],
  };
}

/** The daily report form, showing today's automatic summary above the rep's own words. */
export function reportModal(metadata: ModalMetadata, draft: ReportDraft | undefined): SlackView {
  const t = uiText(metadata.language);
  const summary = draft?.summaryText ?? t.reportNoSummary;
  const blocks: SlackBlock[] = chunkLines(escapeMrkdwn(summary), 3000)
    .slice(0, 20)
    .map((chunk) => ({ type: 'section', text: { type: 'mrkdwn', text: chunk } }));
  blocks.push({ type: 'divider' });
  blocks.push(textInput(REPORT_BLOCKS.body, t.reportBodyLabel, { multiline: true, max: LIMITS.reportBody, initial: draft?.submittedBody }));
  if (draft?.submittedBody) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(t.reportResubmitHint) }] });
  return {
    type: 'modal',
    callback_id: REPORT_CALLBACK_ID,
    private_metadata: JSON.stringify(metadata),
    title: plain(t.reportTitle),
    submit: plain(t.submit),
    close: plain(t.cancel),
    blocks,
  };
}

/** App Home: my today (the report summary and whether the report is in) and my week. */
export function homeView(language: Language, overview: PersonOverview | undefined): SlackView {
  const t = uiText(language);
  const section = (text: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(escapeMrkdwn(text), 3000) } });
  if (!overview) {
    return { type: 'home', blocks: [section(t.homeWelcome), { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(t.homeHelp) }] }] };
  }
  const { week } = overview;
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: plain(truncate(t.homeToday({ date: overview.date }), 150)) },
      section(overview.summaryText),
      section(overview.submittedBody !== undefined ? t.homeReportIn : t.homeReportMissing),
      { type: 'divider' },
      { type: 'header', text: plain(truncate(t.homeWeek({ from: week.from, to: week.to }), 150)) },
      section(t.homeWeekLine({ visits: week.visits, verified: week.verified, outside: week.outside, reports: week.reportsSubmitted, late: week.reportsLate })),
      { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(t.homeHelp) }] },
    ],
  };
}
