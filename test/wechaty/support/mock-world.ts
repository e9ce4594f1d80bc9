import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { types, type payloads } from 'wechaty';

/** A location as a puppet reports it (`payloads.Location`). */
export interface MockLocation {
  latitude: number;
  longitude: number;
  accuracy: number;
  name: string;
  address: string;
}

/**
 * wechaty-puppet-mock, with the two things it lacks for our tests: location messages at a chosen
 * point (its messageLocation always answers one fixed Beijing point) and a record of what the bot
 * said where (it still emits the bot's own messages, as a real puppet does).
 */
export class LocatedPuppetMock extends PuppetMock {
  readonly locations = new Map<string, MockLocation>();
  readonly said: { conversationId: string; text: string }[] = [];
  /** Files (pictures) the bot sent, as the puppet received them. */
  readonly files: { conversationId: string; name: string; mediaType: string; bytes: Buffer }[] = [];

  override async messageLocation(messageId: string): Promise<payloads.Location> {
    return this.locations.get(messageId) ?? super.messageLocation(messageId);
  }

  override async messageSendFile(conversationId: string, file: Parameters<PuppetMock['messageSendFile']>[1]): Promise<void> {
    this.files.push({ conversationId, name: file.name, mediaType: file.mediaType, bytes: await file.toBuffer() });
    await super.messageSendFile(conversationId, file);
  }

  override async messageSendText(conversationId: string, text: string): Promise<void> {
    this.said.push({ conversationId, text });
    await super.messageSendText(conversationId, text);
  }
}

export function createMockWorld() {
  const mocker = new mock.Mocker();
  const puppet = new LocatedPuppetMock({ mocker });
  let sequence = 0;
  /** Creates a message in the mock and announces it, the way a puppet announces any message. */
  const nextId = (kind: string) => `${kind}-${Date.now().toString(36)}-${++sequence}`;
  function announce(id: string, talkerId: string, to: { listenerId: string } | { roomId: string }, type: types.Message): string {
    mocker.MessageMock.create({ id, talkerId, ...to, timestamp: Date.now(), type, text: '', mentionIdList: [] } as payloads.Message);
    puppet.emit('message', { messageId: id });
    return id;
  }
  return {
    mocker,
    puppet,
    /** A location message from `talker` in `room`. */
    shareLocation(talkerId: string, roomId: string, location: MockLocation): string {
      const id = nextId('location');
      puppet.locations.set(id, location);
      return announce(id, talkerId, { roomId }, types.Message.Location);
    },
    /** A picture from `talkerId`, 1:1 to `listenerId` or in `roomId`. */
    shareImage(talkerId: string, to: { listenerId: string } | { roomId: string }): string {
      return announce(nextId('image'), talkerId, to, types.Message.Image);
    },
  };
}

/** Polls `check` until it returns a truthy value, for at most `timeoutMs` (puppet events are async). */
export async function until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
