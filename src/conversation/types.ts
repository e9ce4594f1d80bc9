import type { CoordinateSystem } from '../geo/index.ts';
import type { Language } from './intents/types.ts';

/** A location as a platform or browser reported it, before normalisation. */
export interface ReportedLocation {
  lat: number;
  lng: number;
  system: CoordinateSystem;
  /** Radius of uncertainty in metres, when the source reports one. */
  accuracy?: number;
  /** True when the platform says the position was faked (DingTalk JSAPI `isFromMock`). */
  mocked?: boolean;
  label?: string;
}

/**
 * One message from a person, in platform-neutral form. Adapters decode their payloads into this;
 * the conversation engine never sees platform formats.
 */
export interface InboundEvent {
  /** Adapter name; also the prefix of every conversation ref it issues ('local', 'slack', ...). */
  platform: string;
  /** The platform's id for this delivery (Slack event_id, DingTalk msgId, WeCom MsgId...). */
  eventId: string;
  /** The workspace / corp the sender belongs to. */
  tenantId: string;
  sender: {
    externalId: string;
    displayName?: string;
    /** Hints from the platform profile, used only when the person is first seen. */
    timeZone?: string;
    language?: Language;
    /** Where to reach this person 1:1 later (reminders); platform-prefixed and opaque. */
    directRef?: string;
  };
  /** Where the message was said and where replies go. */
  conversation: { ref: string; kind: 'direct' | 'group' };
  text?: string;
  location?: ReportedLocation;
  /**
   * What the message carried besides words (a photo, a file, a voice message without transcript, a
   * video, a shared link card). Legwork does not keep attachments: a message with one and no text gets
   * one answer saying what Legwork understands; a message with text is handled by its text.
   */
  attachment?: InboundAttachment;
  receivedAt: Date;
  /**
   * Set when the message is a tap on one of an earlier reply's `choices` (not typed): `questionId` is
   * that reply's `OutboundMessage.questionId`, absent on buttons sent before questions had ids. The
   * engine takes the tap only as the answer to that question while it is still the one pending.
   */
  quickAnswer?: { questionId?: string };
}

/** The kind of thing a message carried that Legwork cannot read; decoded by each platform's adapter. */
export interface InboundAttachment {
  kind: 'image' | 'file' | 'voice' | 'video' | 'link';
}

/** A link or button in a reply; adapters render it natively, the text fallback names the URL. */
export interface MessageAction {
  label: string;
  url: string;
}

/** A button that answers the bot's question by sending `reply` as the person's next message. */
export interface MessageChoice {
  label: string;
  reply: string;
}

/**
 * One neutral reply. `text` is always a complete plain-text rendering (what the local chat shows and
 * what platforms use as a fallback); the other fields let adapters render richer forms.
 */
export interface OutboundMessage {
  text: string;
  title?: string;
  actions?: MessageAction[];
  /**
   * Quick answers to a question the bot asked (which customer?): adapters that can render buttons
   * (WeCom template cards, Slack buttons) send `reply` back as if the person had typed it.
   */
  choices?: MessageChoice[];
  /** The question `choices` answer: adapters carry it on every quick answer (see `InboundEvent.quickAnswer`). */
  questionId?: string;
  /** For adapters that can reply into a thread or to the triggering message. */
  replyToEventId?: string;
  /**
   * The same content as `text`, in parts (digests: one per team; leaderboards: the board and its
   * total), for adapters that render reports natively (Slack blocks, DingTalk / WeCom markdown).
   * Already localized; `text` stays the complete plain rendering.
   */
  sections?: MessageSection[];
  /** The language `text` is in, for the few words an adapter adds itself (a note that lines were left out). */
  language?: Language;
  /**
   * A chart beside the text, never instead of it (issue 18): a stored PNG adapters upload natively or
   * link to (`src/charts/chart-store.ts`). `alt` describes it for screen readers and text-only places.
   */
  image?: { chartId: string; alt: string };
  /**
   * Only the picture: the text already went out in an earlier message whose upload failed, and this
   * message (enqueued by the delivery loop) retries the picture alone.
   */
  imageOnly?: boolean;
}

/**
 * One part of a structured message. A line that starts with `•` (after optional spaces) is a list
 * item, its indentation in the plain text kept as it is; other lines are paragraphs.
 */
export interface MessageSection {
  heading?: string;
  lines: string[];
  /**
   * A button that belongs to this part alone (a planned stop's check-in link): beside it where the
   * platform can (a Slack section's accessory, a DingTalk action card button), a link after its lines
   * otherwise. `text` names the URL too, for plain-text clients.
   */
  action?: MessageAction;
}
