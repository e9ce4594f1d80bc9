import type { Wechaty as WechatyInterface } from 'wechaty';
import { UnrecoverableError } from '../errors.ts';
import { parseWechatyRef } from './refs.ts';

/**
 * Says a text in a room or to a contact through the puppet (`room.say` / `contact.say`,
 * https://wechaty.js.org/docs/api/room#roomsaytextorcontactorfileorurl-mention--promisevoid--message).
 * Not logged in yet (or logged out): a transient error, the outbox retries once the bot is back.
 */
export async function sayTo(bot: WechatyInterface, targetRef: string, text: string): Promise<void> {
  await (await conversationOf(bot, targetRef)).say(text);
}

/**
 * Sends a picture (issue 18) as a FileBox: `FileBox.fromBuffer(buffer, name)`
 * (https://wechaty.js.org/docs/api/filebox, package file-box, a dependency of wechaty itself) said in
 * the room or to the contact like a text (`say(textOrContactOrFileOrUrl)`, link above); the puppet
 * uploads it as an image message (the file name's `.png` sets the type).
 */
export async function sayImageTo(bot: WechatyInterface, targetRef: string, png: Buffer, name: string): Promise<void> {
  const { FileBox } = await import('file-box');
  await (await conversationOf(bot, targetRef)).say(FileBox.fromBuffer(png, name));
}

async function conversationOf(bot: WechatyInterface, targetRef: string) {
  const target = parseWechatyRef(targetRef);
  if (!target) throw new UnrecoverableError(`not a Wechaty conversation: ${targetRef.split(':', 2).join(':')}`);
  if (!bot.isLoggedIn) throw new Error('Wechaty bot is not logged in');
  if (target.kind === 'room') {
    const room = await bot.Room.find({ id: target.id });
    // Wechaty reports a failed lookup (network, puppet restart) the same as a missing room: retry, and
    // the delivery loop gives up after its attempts if the bot really left the room.
    if (!room) throw new Error('Wechaty room not found or not reachable');
    return room;
  }
  const contact = await bot.Contact.find({ id: target.id });
  if (!contact) throw new Error('Wechaty contact not found or not reachable');
  return contact;
}
