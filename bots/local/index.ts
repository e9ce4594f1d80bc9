import type { ChatAdapter } from '../types.ts';
import type { ConversationEngine } from '../../src/conversation/engine.ts';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { LocalMailbox } from './api.ts';
import { encodeLocalMessage } from './encode.ts';
import { mountLocalRoutes } from './transport.ts';

export interface LocalAdapterDeps {
  engine: ConversationEngine;
  mailbox: LocalMailbox;
  clock: Clock;
}

/** The built-in web chat: try the bot as any user without a chat platform. */
export function createLocalAdapter(deps: LocalAdapterDeps): ChatAdapter {
  return {
    platform: 'local',
    capabilities: { receivesLocation: true, richMessages: false, groups: true },
    routes: (app) => mountLocalRoutes(app, deps),
    async send(targetRef, message, context) {
      await deps.mailbox.deliver(context.outboxId, targetRef, encodeLocalMessage(message));
    },
  };
}
