import type { Hono } from 'hono';
import type { ConversationEngine } from '../../src/conversation/engine.ts';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { LocalMailbox } from './api.ts';
import { decodeLocalMessage, localChannelRef, localMessageSchema, localUserRef } from './decode.ts';
import { invalidLocation, isJsonContentType, parseAfter, unsupportedMediaType } from './request-checks.ts';
import { mountWebChatPage } from './web-chat-page.ts';

/**
 * The local chat's HTTP surface (DESIGN.md contract): post a message as anyone, read what the bot
 * delivered to a person or a group channel, read a whole conversation (both sides), and a web page
 * that uses them.
 */
export function mountLocalRoutes(app: Hono, deps: { engine: ConversationEngine; mailbox: LocalMailbox; clock: Clock }): void {
  mountWebChatPage(app);

  app.post('/local/messages', async (c) => {
    if (!isJsonContentType(c.req.header('content-type'))) return unsupportedMediaType(c);
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
    const badLocation = invalidLocation(c, parsed.data.location);
    if (badLocation) return badLocation;
    const event = decodeLocalMessage(parsed.data, deps.clock.now());
    // Kept before the engine runs so the person's message sits before the bot's answer in the conversation.
    await deps.mailbox.recordInbound(event.conversation.ref, {
      eventId: event.eventId,
      senderId: event.sender.externalId,
      senderName: event.sender.displayName ?? event.sender.externalId,
      text: event.text,
      location: parsed.data.location,
      answers: parsed.data.answers,
    });
    const result = await deps.engine.handle(event);
    return c.json({ id: event.eventId, duplicate: result.duplicate, replies: result.replies }, 202);
  });

  app.get('/local/inbox/:userId', async (c) =>
    c.json(await deps.mailbox.list(localUserRef(c.req.param('userId')), { afterId: c.req.query('after') })),
  );
  app.get('/local/channels/:channelId', async (c) =>
    c.json(await deps.mailbox.list(localChannelRef(c.req.param('channelId')), { afterId: c.req.query('after') })),
  );

  // Both sides of a direct chat (`?userId=`) or a group channel (`?channelId=`), oldest first.
  app.get('/local/conversation', async (c) => {
    const userId = c.req.query('userId');
    const channelId = c.req.query('channelId');
    const after = parseAfter(c.req.query('after'));
    if (!after.ok) return c.json({ error: 'after must be a conversation id (an integer)' }, 400);
    if (!channelId === !userId) return c.json({ error: 'give exactly one of userId or channelId' }, 400);
    const ref = channelId ? localChannelRef(channelId) : localUserRef(userId!);
    return c.json(await deps.mailbox.conversation(ref, { afterId: after.value }));
  });
}
