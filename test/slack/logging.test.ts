import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { buildApp, type Legwork } from '../../src/app/build-app.ts';
import type { SlackAdapter } from '../../bots/slack/index.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { testStart } from '../support/test-app.ts';
import { FakeSlack } from './fake-slack.ts';
import { bob, directMessage, ids, signatureHeaders, SIGNING_SECRET, slashCommand, zhang } from './support.ts';

/** Everything the service logs, at the most verbose level, captured as text. */
let logged = '';
let fake: FakeSlack;
let app: Legwork;
const clock = new ManualClock(testStart);

beforeAll(async () => {
  fake = await FakeSlack.start({ teamId: ids.team, botToken: ids.botToken, appToken: ids.appToken, botId: ids.botId, botUserId: ids.botUser, appId: ids.app });
  fake.users.set(zhang.id, zhang);
  fake.users.set(bob.id, bob);
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logged += String(chunk);
      done();
    },
  });
  // No SLACK_BOT_ID / SLACK_BOT_USER_ID: the auth.test path runs too.
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'trace', PUBLIC_URL: 'http://legwork.test', SLACK_BOT_TOKEN: ids.botToken, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });
  app = await buildApp(config, { logger: createLogger('trace', sink), clock, database: await createTestDatabase() });
});

afterAll(async () => {
  await app?.stop();
  await app?.database.close();
  await fake?.close();
});

async function post(body: string, contentType: string, secret = SIGNING_SECRET): Promise<Response> {
  const ts = Math.floor(clock.now().getTime() / 1000);
  const res = await app.http.request('/slack/events', { method: 'POST', headers: { 'content-type': contentType, ...signatureHeaders(body, ts, secret) }, body });
  await (app.adapters.find((a) => a.platform === 'slack') as SlackAdapter).idle();
  return res;
}

describe('Slack adapter logging', () => {
  it('never writes the bot token or the signing secret, even at trace level and on errors', async () => {
    expect((await post(JSON.stringify(directMessage(zhang, '帮助')), 'application/json')).status).toBe(200);
    expect((await post(new URLSearchParams(slashCommand(bob, '/checkin', 'Huawei')).toString(), 'application/x-www-form-urlencoded')).status).toBe(200);
    expect((await post(JSON.stringify(directMessage(zhang, 'today')), 'application/json', 'forged-secret')).status).toBe(401);
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 5 }, { error: 'invalid_auth' });
    await app.delivery.drainOnce();
    clock.advance(10 * 60_000);
    await app.delivery.drainOnce();

    expect(fake.callsTo('auth.test')).toHaveLength(1);
    expect(fake.callsTo('chat.postMessage').length + fake.callsTo('chat.postEphemeral').length).toBeGreaterThan(2);
    expect(logged).toContain('bad signature');
    expect(logged).not.toContain(ids.botToken);
    expect(logged).not.toContain(ids.botToken.slice(5));
    expect(logged).not.toContain(SIGNING_SECRET);
  });
});
