/**
 * What a chat message asks for, independent of language and platform.
 * The parser only recognises shape; validation (coordinate ranges, dates, names) happens in the
 * use cases so that errors can be answered in the user's language.
 */
export type Language = 'zh-CN' | 'en-US';

/** Raw numbers typed by the user as `lat,lng`; may be NaN or out of range: validated later. */
export interface TypedCoordinates {
  lat: number;
  lng: number;
}

export type Intent =
  | { kind: 'help' }
  | { kind: 'checkIn'; customer?: string; coordinates?: TypedCoordinates }
  | { kind: 'checkOut'; notes?: string }
  | { kind: 'visitNote'; customer: string; notes: string; nextStep?: string; followUp?: string }
  | { kind: 'report'; text?: string }
  | { kind: 'today' }
  | { kind: 'showCustomer'; name: string }
  | { kind: 'newCustomer'; name: string; coordinates?: TypedCoordinates }
  | { kind: 'createTeam'; name: string }
  | { kind: 'joinTeam'; name: string }
  | { kind: 'bindTeam'; name: string }
  | { kind: 'setTimeZone'; zone: string }
  | { kind: 'setLanguage'; language: Language }
  /** A bare number, answering a list the bot offered ("1", "２"). */
  | { kind: 'choose'; index: number }
  /** A known command word with missing or unusable arguments; `command` names which one for the usage hint. */
  | { kind: 'usage'; command: CommandName }
  /** Anything else: free text (may answer a question the bot asked, such as checkout notes). */
  | { kind: 'freeText'; text: string };

export type CommandName =
  | 'checkIn'
  | 'checkOut'
  | 'visitNote'
  | 'report'
  | 'showCustomer'
  | 'newCustomer'
  | 'createTeam'
  | 'joinTeam'
  | 'bindTeam'
  | 'setTimeZone'
  | 'setLanguage';
