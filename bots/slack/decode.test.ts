import { describe, expect, it } from 'vitest';
import { channelConversation, slackTextToPlain, slashCommandText } from './decode.ts';
import { chunkLines, encodeSlackMessage } from './encode.ts';
import { parseSlackRef } from './refs.ts';

describe('slash commands as core text', () => {
  it.each([
    ['/checkin', 'Huawei', 'checkin Huawei'],
    ['/checkin', '华为 22.54,113.95', 'checkin 华为 22.54,113.95'],
    ['/checkin', '', 'checkin'],
    ['/checkout', 'met the buyer', 'checkout met the buyer'],
    ['/visit', 'Acme: demo; next: quote', 'visit Acme: demo; next: quote'],
    ['/report', '', 'report'],
    ['/leaderboard', 'week', 'leaderboard week'],
    ['/legwork', 'help', 'help'],
    ['/legwork', '  今天 ', '今天'],
    ['/legwork', '', 'help'],
    ['/legwork', 'AT&amp;T', 'AT&T'],
  ])('%s %j → %j', (command, text, expected) => {
    expect(slashCommandText(command, text)).toBe(expected);
  });
});

describe('Slack markup to plain text', () => {
  it.each([
    ['see <https://example.com|the site>', 'see the site'],
    ['<https://example.com>', 'https://example.com'],
    ['ask <@U0BOB0001> in <#C0SALES01|sales>', 'ask @U0BOB0001 in #sales'],
    ['<!here> 1 &lt; 2 &amp;&amp; 3 &gt; 2', '@here 1 < 2 && 3 > 2'],
    ['&amp;lt; stays as typed', '&lt; stays as typed'],
  ])('%j → %j', (text, expected) => {
    expect(slackTextToPlain(text)).toBe(expected);
  });
});

describe('where channel answers go', () => {
  it('binds teams to the channel itself and answers everything else privately', () => {
    expect(channelConversation('C0SALES01', 'U0ZHANG01', 'bind East')).toEqual({ ref: 'slack:channel:C0SALES01', kind: 'group' });
    expect(channelConversation('C0SALES01', 'U0ZHANG01', '绑定团队 华东')).toEqual({ ref: 'slack:channel:C0SALES01', kind: 'group' });
    expect(channelConversation('C0SALES01', 'U0ZHANG01', 'checkin Huawei')).toEqual({ ref: 'slack:ephemeral:C0SALES01:U0ZHANG01', kind: 'group' });
    expect(channelConversation('D0ZHANG01', 'U0ZHANG01', 'today')).toEqual({ ref: 'slack:ephemeral:D0ZHANG01:U0ZHANG01', kind: 'direct' });
  });
});

describe('refs', () => {
  it('parses only refs this adapter issues', () => {
    expect(parseSlackRef('slack:user:U0ZHANG01')).toEqual({ kind: 'user', user: 'U0ZHANG01' });
    expect(parseSlackRef('slack:channel:C0SALES01')).toEqual({ kind: 'channel', channel: 'C0SALES01' });
    expect(parseSlackRef('slack:ephemeral:C0SALES01:U0ZHANG01')).toEqual({ kind: 'ephemeral', channel: 'C0SALES01', user: 'U0ZHANG01' });
    for (const bad of ['local:user:alice', 'slack:user:', 'slack:user:u0lower', 'slack:channel:C1:extra', 'slack:ephemeral:C0SALES01', 'slack:team:T1']) {
      expect(parseSlackRef(bad)).toBeUndefined();
    }
  });
});

describe('Block Kit rendering', () => {
  it('renders text only as one mrkdwn section with the same fallback', () => {
    expect(encodeSlackMessage({ text: 'hi <b>' })).toEqual({ text: 'hi &lt;b&gt;', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi &lt;b&gt;' } }] });
  });

  it('truncates over-long titles and labels to Block Kit limits', () => {
    const rendered = encodeSlackMessage({ text: 'x', title: 'T'.repeat(200), actions: [{ label: 'L'.repeat(100), url: 'https://legwork.test/c/abc' }] });
    expect((rendered.blocks[0] as any).text.text).toHaveLength(150);
    expect((rendered.blocks[2] as any).elements[0].text.text).toHaveLength(75);
  });

  it('chunks on line breaks and cuts single long lines', () => {
    expect(chunkLines('aaa\nbbb\nccc', 7)).toEqual(['aaa\nbbb', 'ccc']);
    expect(chunkLines('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(chunkLines('', 10)).toEqual([' ']);
  });
});
