import { afterAll, beforeAll, beforeEach } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { buildApp, type Legwork } from '../../src/app/build-app.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { createTestDatabase, resetDatabase } from './test-database.ts';

export interface LocalDelivered {
  id: string;
  text: string;
  at: string;
  actions?: { label: string; url: string }[];
}

export interface SayOptions {
  id?: string;
  channelId?: string;
  location?: { lat: number; lng: number; system?: 'wgs84' | 'gcj02'; accuracy?: number };
  displayName?: string;
}

/**
 * The whole service in-process with a manual clock, driven through the local adapter's HTTP API
 * exactly as the web chat drives it. `say` posts a message, drains the outbox, and returns what the
 * bot delivered to that conversation since the last look.
 */
export class TestHarness {
  private seen = new Map<string, string>();
  constructor(readonly app: Legwork, readonly clock: ManualClock) {}

  get db() {
    return this.app.database.db;
  }

  async post(body: Record<string, unknown>): Promise<Response> {
    return this.app.http.request('/local/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /** Sends a message as `userId` and returns the texts of the bot's new messages in that conversation. */
  async say(userId: string, text: string | undefined, options: SayOptions = {}): Promise<string[]> {
    const res = await this.post({ userId, ...(text !== undefined ? { text } : {}), ...options });
    if (res.status !== 202) throw new Error(`POST /local/messages → ${res.status}: ${await res.text()}`);
    await this.app.delivery.drainOnce();
    const path = options.channelId ? `/local/channels/${encodeURIComponent(options.channelId)}` : `/local/inbox/${encodeURIComponent(userId)}`;
    return (await this.newMessages(path)).map((m) => m.text);
  }

  /** Like `say` but returns the last reply only (most commands answer with one message). */
  async ask(userId: string, text: string | undefined, options: SayOptions = {}): Promise<string> {
    const replies = await this.say(userId, text, options);
    return replies.at(-1) ?? '';
  }

  /** New messages at an inbox/channel path since the last call for that path. */
  async newMessages(path: string): Promise<LocalDelivered[]> {
    const after = this.seen.get(path);
    const res = await this.app.http.request(after ? `${path}?after=${after}` : path);
    const messages = (await res.json()) as LocalDelivered[];
    if (messages.length) this.seen.set(path, messages.at(-1)!.id);
    return messages;
  }

  /**
   * Registers users (first one becomes admin) in the org's default language and drops their welcome
   * messages. The first words choose a newcomer's language, so they are `帮助` or `help` to match.
   */
  async register(...userIds: string[]): Promise<void> {
    const help = this.app.config.defaults.language === 'en-US' ? 'help' : '帮助';
    for (const id of userIds) await this.say(id, help);
  }

  reset(): void {
    this.seen.clear();
  }
}

export const testStart = new Date('2026-11-27T02:00:00Z'); // Friday 10:00 in Shanghai

export async function createHarness(env: Record<string, string> = {}, database?: DatabaseHandle): Promise<TestHarness> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://legwork.test', ...env });
  const clock = new ManualClock(testStart);
  const app = await buildApp(config, { logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), clock, database: database ?? (await createTestDatabase()) });
  return new TestHarness(app, clock);
}

/**
 * One service per test file, clean tables before every test. Call at the top level of a test file.
 */
export function useHarness(env: Record<string, string> = {}): { readonly current: TestHarness } {
  let database: DatabaseHandle;
  const holder = {} as { current: TestHarness };
  beforeAll(async () => {
    database = await createTestDatabase();
    holder.current = await createHarness(env, database);
  });
  beforeEach(async () => {
    await resetDatabase(database);
    holder.current.reset();
    holder.current.clock.set(testStart);
  });
  afterAll(async () => {
    await holder.current?.app.stop();
    await database?.close();
  });
  return holder;
}
