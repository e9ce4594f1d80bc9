import type { MessageKey, MessageParams } from '../../conversation/i18n/catalogue.ts';

/**
 * A refusal the user should read: it carries the catalogue key of the answer and its parameters.
 * Throwing one inside a conversation turn rolls back everything the turn wrote.
 */
export class DomainError<K extends MessageKey = MessageKey> extends Error {
  readonly params: MessageParams<K>;
  constructor(readonly code: K, ...params: MessageParams<K> extends undefined ? [] : [MessageParams<K>]) {
    super(code);
    this.name = 'DomainError';
    this.params = params[0] as MessageParams<K>;
  }
}
