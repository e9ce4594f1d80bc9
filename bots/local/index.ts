import type { ChatAdapter } from '../types.ts';
import type { ConversationEngine } from '../../src/conversation/engine.ts';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { ChartImages } from '../../src/charts/chart-store.ts';
import type { LocalMailbox } from './api.ts';
import { encodeLocalMessage } from './encode.ts';
import { mountLocalRoutes } from './transport.ts';

export interface LocalAdapterDeps {
  engine: ConversationEngine;
  mailbox: LocalMailbox;
  clock: Clock;
  /** Stored charts (issue 18): the local chat shows them by their signed link. */
  charts?: ChartImages;
}

/** The built-in web chat: try the bot as any user without a chat platform. */
export function createLocalAdapter(deps: LocalAdapterDeps): ChatAdapter {
  return {
    platform: 'local',
    capabilities: { receivesLocation: true, richMessages: false, groups: true },
    routes: (app) => mountLocalRoutes(app, deps),
    async send(targetRef, message, context) {
      // A chart already gone (past its 7 days) leaves the text, which is complete on its own.
      const image = message.image ? await deps.charts?.load(message.image.chartId) : undefined;
      await deps.mailbox.deliver(context.outboxId, targetRef, encodeLocalMessage(message, image));
    },
  };
}
