import type { ConversationEngine, HandleResult } from '../../src/conversation/engine.ts';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { Logger } from '../../src/logger.ts';
import type { Language } from '../../src/conversation/intents/types.ts';
import type { InboundEvent } from '../../src/conversation/types.ts';
import type { PersonQueries } from '../../src/conversation/ports/person-queries.ts';
import { parseIntent } from '../../src/conversation/intents/parse-intent.ts';
import { isValidTimeZone } from '../../src/conversation/dates/local-date.ts';
import type { SlackApi } from './api.ts';
import {
  decodeDirectMessage, decodeMention, decodeSlashCommand, senderOf, slashCommandSchema, slashCommandText,
  type SenderHints, type SlashCommand,
} from './decode.ts';
import {
  decodeReportSubmission, decodeSubmissionEvent, decodeVisitSubmission, readModalMetadata,
  viewSubmissionSchema, type SubmissionResult, type ViewSubmission,
} from './decode-modals.ts';
import { ackAfter } from './ack-after.ts';
import { decodeChoiceTap } from './decode-actions.ts';
import { answeredMessage } from './answered-message.ts';
import { CHOICE_ACTION_PREFIX } from './encode.ts';
import { chosenLine } from '../choice-text.ts';
import { slackEphemeralRef } from './refs.ts';
import { languageOfLocale, uiText } from './ui-text.ts';
import { homeView, REPORT_BLOCKS, REPORT_CALLBACK_ID, reportModal, VISIT_BLOCKS, VISIT_CALLBACK_ID, visitModal, type ModalMetadata } from './views.ts';

/** Slack's acknowledgement: nothing, or a response body (an ephemeral text, modal errors). */
export type SlackAck = (response?: any) => Promise<void>;

export interface ListenerDeps {
  engine: ConversationEngine;
  clock: Clock;
  logger: Logger;
  api: SlackApi;
  people: PersonQueries;
}

/**
 * What Legwork does with each kind of Slack input, free of Bolt so the same code serves Bolt's
 * listeners (Node: HTTP and Socket Mode) and the Workers transport (`edge-transport.ts`). Messages,
 * slash commands and form submissions all become the core's text commands through `engine.handle`,
 * which dedupes, registers new people and queues every reply in the outbox; only modals are opened
 * directly (a trigger_id lives 3 s).
 */
export function createSlackHandlers(deps: ListenerDeps) {
  const { engine, clock, logger, api, people } = deps;

  /** Time zone, language and name from users.info, only for someone the engine has not met. */
  async function hintsFor(teamId: string, user: string): Promise<SenderHints> {
    if (await engine.knowsIdentity({ platform: 'slack', tenantId: teamId, externalId: user })) return {};
    return profileHints(user);
  }

  /** Time zone, language and name from the person's Slack profile (users.info). */
  async function profileHints(user: string): Promise<SenderHints> {
    try {
      const profile = await api.userProfile(user);
      return {
        displayName: profile.displayName,
        timeZone: profile.timeZone && isValidTimeZone(profile.timeZone) ? profile.timeZone : undefined,
        language: languageOfLocale(profile.locale),
      };
    } catch (error) {
      // The person is still registered, with the org's defaults; they can change both by command.
      logger.warn({ err: error, user }, 'slack users.info failed; registering without profile hints');
      return {};
    }
  }

  /**
   * Runs a decoded event, with profile hints added for people seen for the first time. The way to
   * reach the person alone is kept when it is their IM channel (a DM: no conversations.open before each
   * reminder) or when they are new; a mention or slash command never replaces a known IM channel.
   */
  async function handle(event: InboundEvent): Promise<HandleResult> {
    const { externalId, directRef } = event.sender;
    const firstContact = !(await engine.knowsIdentity({ platform: 'slack', tenantId: event.tenantId, externalId }));
    const hints = firstContact ? await profileHints(externalId) : {};
    const keepRef = firstContact || directRef?.startsWith('slack:channel:');
    const result = await engine.handle({ ...event, sender: senderOf(externalId, hints, keepRef ? directRef : undefined) });
    if (result.duplicate) logger.info({ eventId: event.eventId }, 'slack redelivery ignored (already handled)');
    return result;
  }

  /** Language and time zone for a form: the person's settings, else their Slack profile. */
  async function formSettings(teamId: string, user: string): Promise<{ language: Language; timeZone: string }> {
    const known = await people.settings({ platform: 'slack', tenantId: teamId, externalId: user });
    if (known) return { language: known.language, timeZone: known.timeZone };
    const hints = await hintsFor(teamId, user);
    return { language: hints.language ?? 'en-US', timeZone: hints.timeZone ?? 'UTC' };
  }

  // https://docs.slack.dev/reference/events/message.im
  async function message(body: unknown): Promise<void> {
    const event = decodeDirectMessage(body, {}, clock.now());
    if (event) await handle(event);
  }

  // https://docs.slack.dev/reference/events/app_mention
  async function mention(body: unknown, botUserId: string | undefined): Promise<void> {
    const event = decodeMention(body, botUserId, {}, clock.now());
    if (event) await handle(event);
  }

  /**
   * A tap on a quick answer (https://docs.slack.dev/reference/interaction-payloads/block_actions-payload):
   * acked at once (Slack wants it within 3 s and shows nothing of the answer's body), then handled as
   * the person's message. Once it answered its question, the buttons of a message the app posted are
   * replaced by "已选择：…" (chat.update). Ephemeral messages can only be changed through the payload's
   * response_url, which is not worth its own HTTP client here: they keep their buttons, and a second
   * tap is answered as stale by the engine.
   */
  async function choice(body: unknown, ack: SlackAck): Promise<void> {
    await ack();
    const tap = decodeChoiceTap(body, clock.now());
    if (!tap) {
      logger.warn('malformed slack quick-answer tap ignored');
      return;
    }
    const result = await handle(tap.event);
    if (result.questionAnswered !== true || !tap.message) return;
    try {
      await api.updateMessage(tap.message.channel, tap.message.ts, answeredMessage(tap.message.blocks, chosenLine(tap.label, tap.language)));
    } catch (error) {
      // The answer was taken; the buttons left in place are answered as stale if tapped again.
      logger.warn({ err: error }, 'slack message not updated after a quick answer');
    }
  }

  // https://docs.slack.dev/interactivity/implementing-slash-commands
  async function command(command: unknown, ack: SlackAck): Promise<void> {
    const parsed = slashCommandSchema.safeParse(command);
    if (!parsed.success) {
      logger.warn({ issues: parsed.error.issues.length }, 'malformed slack slash command ignored');
      await ack();
      return;
    }
    const cmd = parsed.data;
    await ackAfter(
      async () => {
        if (!(await openFormFor(cmd))) await handle(decodeSlashCommand(cmd, {}, clock.now()));
      },
      ack,
      async () => {
        const { language } = await formSettings(cmd.team_id, cmd.user_id).catch(() => ({ language: 'en-US' as const }));
        return { response_type: 'ephemeral' as const, text: uiText(language).failed };
      },
    );
  }

  /**
   * `/visit` and `/report` without their text open a form. `/visit Huawei` (a customer but no notes)
   * opens the visit form with the customer filled in. If Slack refuses the modal (the trigger
   * expired), the command goes to the conversation instead, which asks in chat.
   */
  async function openFormFor(cmd: SlashCommand): Promise<boolean> {
    const text = slashCommandText(cmd.command, cmd.text);
    const intent = parseIntent(text);
    const wantsVisitForm = cmd.command === '/visit' && intent.kind === 'usage';
    const wantsReportForm = cmd.command === '/report' && intent.kind === 'report' && !intent.text;
    if (!wantsVisitForm && !wantsReportForm) return false;
    const settings = await formSettings(cmd.team_id, cmd.user_id);
    const metadata: ModalMetadata = { replyRef: slackEphemeralRef(cmd.channel_id, cmd.user_id), ...settings };
    const identity = { platform: 'slack', tenantId: cmd.team_id, externalId: cmd.user_id };
    const view = wantsVisitForm
      ? visitModal(metadata, cmd.text.trim().replace(/[:：]+$/, '') || undefined)
      : reportModal(metadata, await people.reportDraft(identity));
    try {
      await api.openView(cmd.trigger_id, view);
      return true;
    } catch (error) {
      logger.warn({ err: error }, 'slack views.open failed; answering the command in chat instead');
      return false;
    }
  }

  async function submit(body: unknown, ack: SlackAck, decode: (s: ViewSubmission, m: ModalMetadata) => SubmissionResult, firstBlock: string) {
    const parsed = viewSubmissionSchema.safeParse(body);
    const metadata = parsed.success ? readModalMetadata(parsed.data) : undefined;
    if (!parsed.success || !metadata) {
      logger.warn('malformed slack view submission ignored');
      await ack();
      return;
    }
    const result = decode(parsed.data, metadata);
    if (!result.ok) {
      // https://docs.slack.dev/surfaces/modals#displaying_errors
      await ack({ response_action: 'errors', errors: result.errors });
      return;
    }
    await ackAfter(
      async () => {
        await handle(decodeSubmissionEvent(parsed.data, metadata, result.text, {}, clock.now()));
      },
      ack,
      // On failure the form stays open with what the person typed, so nothing is lost on their side.
      () => ({ response_action: 'errors' as const, errors: { [firstBlock]: uiText(metadata.language).failed } }),
    );
  }

  // https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload#view_submission
  const visitSubmitted = (body: unknown, ack: SlackAck) =>
    submit(body, ack, (s, m) => decodeVisitSubmission(s, m, clock.now()), VISIT_BLOCKS.notes);
  const reportSubmitted = (body: unknown, ack: SlackAck) => submit(body, ack, decodeReportSubmission, REPORT_BLOCKS.body);

  // https://docs.slack.dev/reference/events/app_home_opened
  async function appHomeOpened(event: { tab?: string; user: string }, body: unknown): Promise<void> {
    if (event.tab !== 'home') return;
    const teamId = (body as { team_id?: string }).team_id ?? '';
    try {
      const overview = await people.overview({ platform: 'slack', tenantId: teamId, externalId: event.user });
      const language = overview?.language ?? (await formSettings(teamId, event.user)).language;
      await api.publishHome(event.user, homeView(language, overview));
    } catch (error) {
      // The home tab is refreshed the next time it is opened; a retry by Slack would not help more.
      logger.warn({ err: error }, 'slack App Home could not be published');
    }
  }

  return {
    message,
    mention,
    command,
    /** View submissions by the modal's callback id. */
    views: { [VISIT_CALLBACK_ID]: visitSubmitted, [REPORT_CALLBACK_ID]: reportSubmitted } as Record<string, (body: unknown, ack: SlackAck) => Promise<void>>,
    /** Link buttons open their URL in the browser, but Slack still posts a block_actions payload: ack it. */
    linkActionPattern: /^legwork_link_/,
    choice,
    /** Quick-answer buttons (encode.ts `choiceButtons`): their tap is the person's answer. */
    choiceActionPattern: new RegExp(`^${CHOICE_ACTION_PREFIX}`),
    commandPattern: /^\/[\w-]+$/,
    appHomeOpened,
  };
}

export type SlackHandlers = ReturnType<typeof createSlackHandlers>;
