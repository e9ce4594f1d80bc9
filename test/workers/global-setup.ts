import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { FakeSlack } from '../slack/fake-slack.ts';
import { FakeQyapi } from '../wecom/support/fake-qyapi.ts';
import { FakeDingTalk, type ScriptedAnswer } from '../dingtalk/fake-dingtalk.ts';
import { bob, dingtalkApp, ids, wecomApp, zhang } from './platform-ids.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A fresh migrated database for the Worker (Hyperdrive's local connection string), '' without DATABASE_URL. */
    workerDatabaseUrl: string;
    slackApiUrl: string;
    qyapiUrl: string;
    dingtalkUrl: string;
    /**
     * GET /calls/<slack|wecom|dingtalk> answers what each fake received; POST /reset clears them;
     * POST /revoke-tokens makes DingTalk and WeCom refuse every access token issued so far;
     * POST /script/dingtalk `{ path, answers }` scripts the fake DingTalk's next answers there;
     * POST /script/wecom `{ path, answers }` likewise for the fake WeCom (qyapi);
     * POST /hold/slack/<method> holds the fake Slack's answers to that method until POST /release/slack/<method>.
     */
    probeUrl: string;
  }
}

/**
 * Node side of the Workers tests (test/workers/*.workers.test.ts run inside workerd): a fresh database
 * on the PostgreSQL of DATABASE_URL, migrated as `npm run migrate` does (the Worker never migrates),
 * and the platform fakes the Worker calls over the network, plus a small probe the tests query for
 * what the fakes received. Without DATABASE_URL nothing starts and the tests skip.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    for (const key of ['workerDatabaseUrl', 'slackApiUrl', 'qyapiUrl', 'dingtalkUrl', 'probeUrl'] as const) project.provide(key, '');
    return async () => undefined;
  }
  const name = `legwork_workers_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  // Hyperdrive (and wrangler) insist on a password in the URL; trust auth ignores it.
  if (!target.password) target.password = 'local';
  const handle = await connectDatabase({ databaseUrl: target.toString(), poolSize: 2 });
  await migrateToLatest(handle.db);
  await handle.close();

  const slack = await FakeSlack.start({ teamId: ids.team, botToken: ids.botToken, appToken: ids.appToken, botId: ids.botId, botUserId: ids.botUser, appId: ids.app });
  const qyapi = new FakeQyapi({ corpId: wecomApp.corpId, secret: wecomApp.secret, agentId: wecomApp.agentId });
  await qyapi.start();
  const dingtalk = await new FakeDingTalk(dingtalkApp).start();
  const resetFakes = () => {
    slack.reset();
    slack.users.clear();
    slack.users.set(zhang.id, zhang);
    slack.users.set(bob.id, bob);
    qyapi.reset();
    dingtalk.reset();
  };
  resetFakes();
  const probe: Server = createServer((req, res) => {
    const calls = { slack: slack.calls, wecom: qyapi.calls, dingtalk: dingtalk.calls } as Record<string, unknown>;
    if (req.method === 'POST' && req.url === '/reset') {
      resetFakes();
      res.writeHead(204).end();
      return;
    }
    // A slow Slack: calls to the method are answered only once released.
    const held = /^\/(hold|release)\/slack\/([\w.]+)$/.exec(req.url ?? '');
    if (req.method === 'POST' && held) {
      if (held[1] === 'hold') slack.hold(held[2]!);
      else slack.release(held[2]!);
      res.writeHead(204).end();
      return;
    }
    // Scripted DingTalk answers: { path, answers: [{ status, body }] } (a quota refusal, say).
    if (req.method === 'POST' && req.url === '/script/dingtalk') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const { path, answers } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { path: string; answers: ScriptedAnswer[] };
        dingtalk.script(path, ...answers);
        res.writeHead(204).end();
      });
      return;
    }
    // Scripted WeCom answers: { path, answers: [{ errcode, errmsg }] } (a robot send refused half-way, say).
    if (req.method === 'POST' && req.url === '/script/wecom') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const { path, answers } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { path: string; answers: Record<string, unknown>[] };
        qyapi.script(path, ...answers);
        res.writeHead(204).end();
      });
      return;
    }
    // The platforms rotating their access tokens (the next use of an old one is refused).
    if (req.method === 'POST' && req.url === '/revoke-tokens') {
      dingtalk.revokeTokens();
      qyapi.expireTokens();
      res.writeHead(204).end();
      return;
    }
    const which = /^\/calls\/(\w+)$/.exec(req.url ?? '')?.[1];
    if (req.method === 'GET' && which && which in calls) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(calls[which]));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));

  project.provide('workerDatabaseUrl', target.toString());
  project.provide('slackApiUrl', slack.apiUrl);
  project.provide('qyapiUrl', qyapi.url);
  project.provide('dingtalkUrl', dingtalk.url);
  project.provide('probeUrl', `http://127.0.0.1:${(probe.address() as AddressInfo).port}`);

  return async () => {
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    await slack.close();
    await qyapi.stop();
    await dingtalk.close();
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  };
}
