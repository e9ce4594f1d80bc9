import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SLASH_COMMAND_WORDS } from '../../bots/slack/decode.ts';

const read = (name: string) => JSON.parse(readFileSync(new URL(`../../bots/slack/${name}`, import.meta.url), 'utf8'));

describe('Slack app manifests', () => {
  it.each([['manifest.json', false], ['manifest.socket-mode.json', true]] as const)('%s matches what the adapter handles', (name, socket) => {
    const m = read(name);
    expect(m.settings.socket_mode_enabled).toBe(socket);
    expect(m.features.slash_commands.map((c: any) => c.command).sort()).toEqual(Object.keys(SLASH_COMMAND_WORDS).sort());
    expect(m.settings.event_subscriptions.bot_events.sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(m.settings.interactivity.is_enabled).toBe(true);
    expect(m.features.app_home.home_tab_enabled).toBe(true);
    expect(m.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['chat:write', 'commands', 'im:history', 'im:read', 'im:write', 'users:read', 'app_mentions:read', 'channels:history', 'groups:history', 'files:write']),
    );
    const urls = [m.settings.event_subscriptions.request_url, m.settings.interactivity.request_url, ...m.features.slash_commands.map((c: any) => c.url)];
    if (socket) expect(urls.every((u) => u === undefined)).toBe(true);
    else expect(urls.every((u) => typeof u === 'string' && u.endsWith('/slack/events'))).toBe(true);
  });
});
