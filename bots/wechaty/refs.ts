/**
 * Wechaty conversation refs: `wechaty:room:<roomId>` for a group, `wechaty:contact:<contactId>` for a
 * 1:1 chat. The ids are the puppet's: stable with service puppets (WeCom / pad protocols), not
 * always across logins with web puppets — our user ids are what stays stable (identities map them).
 */
export type WechatyTarget = { kind: 'room'; id: string } | { kind: 'contact'; id: string };

export const wechatyRoomRef = (roomId: string) => `wechaty:room:${roomId}`;
export const wechatyContactRef = (contactId: string) => `wechaty:contact:${contactId}`;

export function parseWechatyRef(ref: string): WechatyTarget | undefined {
  const match = /^wechaty:(room|contact):(.+)$/.exec(ref);
  if (!match) return undefined;
  return { kind: match[1] as 'room' | 'contact', id: match[2]! };
}

/**
 * One Wechaty bot serves one org: every person it talks to belongs to this tenant (the puppet's
 * own account ids change with the login on some puppets, so they make a poor tenant key).
 */
export const wechatyTenantId = 'wechaty';
