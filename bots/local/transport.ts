import type { Context, Hono } from 'hono';
import { isStorableText, storableEvent } from '../../src/conversation/storable-text.ts';
import type { ConversationEngine } from '../../src/conversation/engine.ts';
import type { Clock } from '../../src/core/shared/clock.ts';
import type { LocalMailbox } from './api.ts';
import { decodeLocalMessage, localChannelRef, localMessageSchema, localUserRef } from './decode.ts';
import { invalidLocation, isJsonContentType, parseAfter, unsupportedMediaType } from './request-checks.ts';
import { mountWebChatPage } from './web-chat-page.ts';
import { limitBody } from '../../src/http/body-limit.ts';

/** `POST /local/messages` bodies: room for the longest text the schema allows, in 4-byte UTF-8. */
const maxLocalMessageBytes = 512 * 1024;

/**
 * The local chat's HTTP surface (DESIGN.md contract): post a message as anyone, read what the bot
 * delivered to a person or a group channel, read a whole conversation (both sides), and a web page
 * that uses them.
 */
export function mountLocalRoutes(app: Hono, deps: { engine: ConversationEngine; mailbox: LocalMailbox; clock: Clock }): void {
  mountWebChatPage(app);

  // A chat message is at most a few KB of JSON (text over 100,000 characters is refused anyway).
  app.post('/local/messages', limitBody(maxLocalMessageBytes), async (c) => {
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
    // Cleaned (or refused with 400) before anything is stored: the conversation log below keeps the
    // text too, and PostgreSQL cannot store a NUL byte or an unpaired surrogate.
    const event = storableEvent(decodeLocalMessage(parsed.data, deps.clock.now()));
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

  // `after` is a delivered message's id (a bigint): anything else would fail in the database as a 500.
  const listed = async (c: Context, targetRef: string) => {
    const after = c.req.query('after');
    if (after !== undefined && !/^\d{1,18}$/.test(after)) return c.json({ error: 'after must be a message id (digits)' }, 400);
    if (!isStorableText(targetRef)) return c.json({ error: 'id contains a NUL byte or an unpaired surrogate' }, 400);
    return c.json(await deps.mailbox.list(targetRef, { afterId: after }));
  };
  app.get('/local/inbox/:userId', (c) => listed(c, localUserRef(c.req.param('userId'))));
  app.get('/local/channels/:channelId', (c) => listed(c, localChannelRef(c.req.param('channelId'))));

  // Both sides of a direct chat (`?userId=`) or a group channel (`?channelId=`), oldest first.
  app.get('/local/conversation', async (c) => {
    const userId = c.req.query('userId');
    const channelId = c.req.query('channelId');
    const after = parseAfter(c.req.query('after'));
    if (!after.ok) return c.json({ error: 'after must be a conversation id (an integer)' }, 400);
    if (!channelId === !userId) return c.json({ error: 'give exactly one of userId or channelId' }, 400);
    const ref = channelId ? localChannelRef(channelId) : localUserRef(userId!);
    if (!isStorableText(ref)) return c.json({ error: 'id contains a NUL byte or an unpaired surrogate' }, 400);
    return c.json(await deps.mailbox.conversation(ref, { afterId: after.value }));
  });
}
