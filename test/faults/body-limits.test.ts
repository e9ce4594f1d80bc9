import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type TestHarness } from '../support/test-app.ts';

/**
 * Issue #12 defect 3: every route caps its body and answers 413 at once, over a real socket: a
 * declared length over the cap is refused before any of the body is read, and a chunked body with no
 * length is refused as soon as it passes the cap. The chunked sender below never stops on its own, so
 * a route that buffered the whole body would never answer.
 */
const routes: { path: string; limit: number }[] = [
  { path: '/local/messages', limit: 512 * 1024 },
  { path: '/local/location-link', limit: 16 * 1024 },
  { path: '/c/some-token', limit: 16 * 1024 },
  { path: '/slack/events', limit: 1024 * 1024 },
  { path: '/dingtalk/callback', limit: 512 * 1024 },
  { path: '/no/such/route', limit: 1024 * 1024 },
];

let h: TestHarness;
let server: ServerType;
let port: number;
beforeAll(async () => {
  h = await createHarness({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 'secret',
    SLACK_API_URL: 'http://127.0.0.1:9/api/',
    SLACK_BOT_ID: 'B1',
    SLACK_BOT_USER_ID: 'U1',
    DINGTALK_CLIENT_ID: 'id',
    DINGTALK_CLIENT_SECRET: 'secret',
    DINGTALK_ROBOT_CODE: 'robot',
    DINGTALK_MODE: 'http',
    DINGTALK_API_URL: 'http://127.0.0.1:9',
  });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: h.app.http.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      port = info.port;
      resolve();
    });
  });
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await h?.app.stop();
  await h?.app.database.close();
});

/** Posts to `path`; with `declaredLength` sends that header and only 1 KB, else chunks forever. Resolves with the status and the bytes written. */
function post(path: string, declaredLength?: number): Promise<{ status: number; written: number }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (declaredLength !== undefined) headers['content-length'] = declaredLength;
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers });
    let written = 0;
    let answered = false;
    const chunk = Buffer.alloc(16 * 1024, 'a');
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, written });
      req.destroy();
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (declaredLength !== undefined) {
      req.write(chunk.subarray(0, 1024));
      return;
    }
    // Chunked: keep writing until the server answers (never, if it buffered everything).
    const pump = () => {
      if (answered || req.destroyed) return;
      written += chunk.length;
      if (req.write(chunk)) setImmediate(pump);
      else req.once('drain', pump);
    };
    pump();
  });
}

describe('request body limits', () => {
  for (const { path, limit } of routes) {
    it(`${path}: 413 for a declared ${Math.round((limit * 4) / 1024)} KB before reading it`, async () => {
      expect((await post(path, limit * 4)).status).toBe(413);
    });
    it(`${path}: 413 for an endless chunked body, having read about ${Math.round(limit / 1024)} KB`, async () => {
      const { status, written } = await post(path);
      expect(status).toBe(413);
      // The answer came once the cap was passed, not after the sender gave up.
      expect(written).toBeLessThan(limit + 4 * 1024 * 1024);
    });
  }

  it('still accepts an ordinary chat message', async () => {
    const res = await h.post({ userId: 'alice', text: 'help' });
    expect(res.status).toBe(202);
  });
});
