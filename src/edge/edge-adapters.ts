import type { Kysely } from 'kysely';
import type { AppConfig } from '../config.ts';
import type { Database } from '../db/schema.ts';
import type { ChatAdapter } from '../../bots/types.ts';
import type { AdapterDeps } from '../app/platform-adapters.ts';
import { weComSendRecords } from '../db/send-records.ts';
import { databaseSessionWebhooks } from '../db/dingtalk-session-webhooks.ts';
import { createLocalAdapter } from '../../bots/local/index.ts';
import { createDatabaseMailbox } from '../db/local-mailbox.ts';
import { createWeComAdapter } from '../../bots/wecom/index.ts';
import { buildDingTalkAdapter } from '../../bots/dingtalk/adapter.ts';
import { createSlackEdgeAdapter } from '../../bots/slack/edge-adapter.ts';
import { createPersonQueries } from '../conversation/ports/person-queries.ts';
import { isolateDingTalkQuota, isolateSlackIdentity, isolateTokenStore } from './isolate-state.ts';

/**
 * The adapters a Cloudflare Worker runs: everything that is request/response. Stream-mode DingTalk
 * and Wechaty hold long-lived connections and stay on the Node service; configured here, they stop
 * the Worker with a message saying so rather than silently dropping a platform. DingTalk's and
 * WeCom's access tokens, DingTalk's quota state and Slack's bot user id are kept per isolate, across requests
 * (isolate-state.ts).
 */
export function createEdgeAdapters(
  config: AppConfig,
  deps: AdapterDeps & { db: Kysely<Database>; defer(work: Promise<unknown>): void },
): { adapters: ChatAdapter[]; settled(): Promise<void> } {
  if (config.wechaty) throw new Error('WECHATY_PUPPET is set: Wechaty needs the Node service (npm start), not the Worker');
  const { db, defer, ...adapterDeps } = deps;
  const adapters: ChatAdapter[] = [];
  const waits: (() => Promise<void>)[] = [];
  if (config.localChat) adapters.push(createLocalAdapter({ ...adapterDeps, mailbox: createDatabaseMailbox(db) }));
  if (config.wecom) {
    const tokenStore = isolateTokenStore('wecom', config.wecom.apiUrl, `${config.wecom.corpId}/${config.wecom.agentId}`, config.wecom.secret);
    const wecom = createWeComAdapter(config.wecom, { ...adapterDeps, tokenStore, ...weComSendRecords(db, adapterDeps.clock) });
    waits.push(() => wecom.settled());
    adapters.push(wecom);
  }
  if (config.dingtalk) {
    if (config.dingtalk.mode !== 'http') throw new Error('DINGTALK_MODE=stream needs the Node service: set DINGTALK_MODE=http on the Worker');
    const tokenStore = isolateTokenStore('dingtalk', config.dingtalk.apiUrl, config.dingtalk.clientId, config.dingtalk.clientSecret);
    const quotaMemory = isolateDingTalkQuota(config.dingtalk.apiUrl, config.dingtalk.clientId);
    adapters.push(buildDingTalkAdapter(config.dingtalk, { ...adapterDeps, tokenStore, quotaMemory, sessionStore: databaseSessionWebhooks(db, adapterDeps.clock) }));
  }
  if (config.slack) {
    const botIdentity = isolateSlackIdentity(config.slack.apiUrl ?? '', config.slack.botToken);
    adapters.push(createSlackEdgeAdapter(config.slack, { ...adapterDeps, people: createPersonQueries({ db, clock: adapterDeps.clock }), defer, botIdentity }));
  }
  return {
    adapters,
    async settled() {
      await Promise.all(waits.map((wait) => wait()));
    },
  };
}
