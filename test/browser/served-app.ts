import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, devices, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createHarness, testStart, type TestHarness } from '../support/test-app.ts';
import { createTestDatabase, resetDatabase } from '../support/test-database.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';

/** Debian's chromium, never a downloaded browser (../shared/STACK.md). */
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const haveChromium = existsSync(executablePath);
const launchArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Without Chromium the browser tests are skipped locally and fail in CI. */
export function requireChromium(name: string): void {
  if (haveChromium) return;
  const message = `Chromium not found at ${executablePath}: install it with "apt-get update && apt-get install -y chromium" (or set CHROMIUM_PATH).`;
  if (process.env.CI === 'true') describe(name, () => it('needs Chromium in CI', () => { throw new Error(message); }));
  else console.warn(`[browser tests skipped] ${message}`);
}

export interface ServedApp {
  harness: TestHarness;
  database: DatabaseHandle;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The whole service served over HTTP on port 0 (PUBLIC_URL naming the real port), its delivery loop
 * running as in production, and a browser.
 */
export async function startServedApp(artifacts: string, options: { browserEnv?: Record<string, string> } = {}): Promise<ServedApp> {
  let harness: TestHarness | undefined;
  // Listen first so PUBLIC_URL can name the real port; requests are only made once the harness exists.
  const server: ServerType = serve({ fetch: (request) => harness!.app.http.fetch(request), port: 0, hostname: '127.0.0.1' });
  if (!server.listening) await once(server, 'listening');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const database: DatabaseHandle = await createTestDatabase();
  harness = await createHarness({ PUBLIC_URL: baseUrl }, database);
  await harness.app.start();
  const browser = await chromium.launch({ executablePath, args: launchArgs, ...(options.browserEnv ? { env: { ...process.env, ...options.browserEnv } as Record<string, string> } : {}) });
  mkdirSync(artifacts, { recursive: true });
  return {
    harness,
    database,
    baseUrl,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await harness!.app.stop();
      await database.close();
    },
  };
}

/** Script errors and CSP refusals are collected: a page must run as served. */
export function watchPage(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/favicon/.test(msg.text()) && !/status of 4\d\d/.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
}

export interface PhoneSession {
  readonly served: ServedApp;
  /** Script errors and CSP refusals of the pages opened in this test. */
  readonly problems: string[];
  /** A zh-CN phone context (closed after the test); with a position it grants geolocation. */
  phone(position?: { latitude: number; longitude: number }): Promise<BrowserContext>;
}

/**
 * One served app per test file, clean tables and a fresh problem list before every test, the
 * test's browser context closed after it. Call inside the file's `describe`.
 */
export function usePhoneSession(artifacts: string): PhoneSession {
  let context: BrowserContext | undefined;
  const session = { problems: [] as string[] } as { served: ServedApp; problems: string[] } & PhoneSession;
  session.phone = async (position) => {
    context = await session.served.browser.newContext({
      ...devices['Pixel 7'],
      locale: 'zh-CN',
      ...(position ? { permissions: ['geolocation'], geolocation: { ...position, accuracy: 15 } } : {}),
    });
    context.on('page', (page) => watchPage(page, session.problems));
    return context;
  };
  beforeAll(async () => {
    session.served = await startServedApp(artifacts);
  }, 180_000); // a fresh embedded database and a browser launch: slow on a busy 2-core machine
  beforeEach(async () => {
    await resetDatabase(session.served.database);
    session.served.harness.reset();
    session.served.harness.clock.set(testStart);
    session.problems.length = 0;
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await session.served?.close();
  });
  return session;
}

/**
 * These machines have no CJK font, so Chinese would show as boxes in the screenshots: the browser
 * gets a fontconfig that adds Noto Sans SC from the npm package (../shared/STACK.md).
 */
export function cjkFontconfig(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const regular = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
  const bold = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'));
  const dir = mkdtempSync(join(tmpdir(), 'console-fonts-'));
  const file = join(dir, 'fonts.conf');
  writeFileSync(file, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${regular}</dir><dir>${bold}</dir><cachedir>${dir}/cache</cachedir></fontconfig>`);
  return { FONTCONFIG_FILE: file };
}
