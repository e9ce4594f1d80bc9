import type { App } from '@slack/bolt';
import { createSlackHandlers, type ListenerDeps } from './handlers.ts';
import { REPORT_CALLBACK_ID, VISIT_CALLBACK_ID } from './views.ts';

export type { ListenerDeps } from './handlers.ts';

/**
 * Bolt's side of the Slack handlers (`handlers.ts`): which listener runs which handler. The Workers
 * transport (`edge-transport.ts`) routes the same payloads to the same handlers without Bolt.
 */
export function registerListeners(app: App, deps: ListenerDeps): void {
  const handlers = createSlackHandlers(deps);
  app.event('message', async ({ body }) => handlers.message(body));
  app.event('app_mention', async ({ body, context }) => handlers.mention(body, context.botUserId));
  app.command(handlers.commandPattern, async ({ command, ack }) => handlers.command(command, ack));
  app.view(VISIT_CALLBACK_ID, async ({ body, ack }) => handlers.views[VISIT_CALLBACK_ID]!(body, ack));
  app.view(REPORT_CALLBACK_ID, async ({ body, ack }) => handlers.views[REPORT_CALLBACK_ID]!(body, ack));
  app.action(handlers.linkActionPattern, async ({ ack }) => {
    await ack();
  });
  app.action(handlers.choiceActionPattern, async ({ body, ack }) => handlers.choice(body, ack));
  app.event('app_home_opened', async ({ event, body }) => handlers.appHomeOpened(event, body));
}
