import type { Hono } from 'hono';
import type { ConversationEngine } from '../../src/conversation/engine.ts';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { LocalMailbox } from './api.ts';
import { decodeLocalMessage, localChannelRef, localMessageSchema, localUserRef } from './decode.ts';
import { webChatPage } from './web-chat-page.ts';
import { limitBody } from '../../src/http/body-limit.ts';

/** `POST /local/messages` bodies: room for the longest text the schema allows, in 4-byte UTF-8. */
const maxLocalMessageBytes = 512 * 1024;

/**
 * The local chat's HTTP surface (DESIGN.md contract): post a message as anyone, read what the bot
 * delivered to a person or a group channel, and a web page that uses both.
 */
export function mountLocalRoutes(app: Hono, deps: { engine: ConversationEngine; mailbox: LocalMailbox; clock: Clock }): void {
  app.get('/', (c) => c.html(webChatPage()));

  // A chat message is at most a few KB of JSON (text over 100,000 characters is refused anyway).
  app.post('/local/messages', limitBody(maxLocalMessageBytes), async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'body must be JSON' }, 400);
    }
    const parsed = localMessageSchema.safeParse(body);
    if (!parsed.success) {
      return c.json({ error: 'invalid message', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 400);
    }
    const event = decodeLocalMessage(parsed.data, deps.clock.now());
    const result = await deps.engine.handle(event);
    return c.json({ id: event.eventId, duplicate: result.duplicate, replies: result.replies }, 202);
  });

  app.get('/local/inbox/:userId', async (c) =>
    c.json(await deps.mailbox.list(localUserRef(c.req.param('userId')), { afterId: c.req.query('after') })),
  );
  app.get('/local/channels/:channelId', async (c) =>
    c.json(await deps.mailbox.list(localChannelRef(c.req.param('channelId')), { afterId: c.req.query('after') })),
  );
}
