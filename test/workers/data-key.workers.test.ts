import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveLinkSecret } from '../../src/core/location-links/link-secret.ts';
import { parseDataKey } from '../../src/core/secrets/data-key.ts';
import { verifyExportToken } from '../../src/core/privacy/export-link.ts';
import { createWorkerHarness, type WorkerHarness, onPostgres, resetAll, skipReason, withDb } from './support.ts';

const sealedName = 'location_link_secret';
const storedSecret = () => withDb((db) => db.selectFrom('settings').select('value').where('key', '=', sealedName).executeTakeFirst());

/**
 * DATA_ENCRYPTION_KEY on the Worker: without LOCATION_LINK_SECRET, the links' signing secret is the
 * one the Node service generated and sealed in the database (src/core/secrets), opened on workerd
 * with the key; a wrong key stops the request with 500 and changes nothing stored.
 */
describe.skipIf(!onPostgres)(onPostgres ? 'the Worker: secrets sealed with DATA_ENCRYPTION_KEY' : skipReason, () => {
  let h: WorkerHarness;
  const key = randomBytes(32).toString('base64');
  beforeEach(async () => {
    await resetAll();
    await withDb((db) => db.deleteFrom('settings').where('key', '=', sealedName).execute());
    h = await createWorkerHarness();
    delete h.env.LOCATION_LINK_SECRET;
    h.env.DATA_ENCRYPTION_KEY = key;
  });
  afterEach(async () => {
    await withDb((db) => db.deleteFrom('settings').where('key', '=', sealedName).execute());
  });

  it('signs links with the secret Node sealed, and a wrong key answers 500 without touching it', async () => {
    // What `npm start` (or `npm run migrate` then the first Node start) leaves in the database.
    const secret = await withDb((db) => resolveLinkSecret(db, parseDataKey(key, 'DATA_ENCRYPTION_KEY')));
    const sealed = (await storedSecret())!.value;
    expect(sealed).not.toContain(secret);

    await h.request('/local/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: '李四', text: '帮助' }) });
    await h.request('/local/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: '李四', text: '我的数据' }) });
    const inbox = (await (await h.request('/local/inbox/%E6%9D%8E%E5%9B%9B')).response.json()) as { text: string }[];
    const token = /\/privacy\/export\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(inbox.at(-1)?.text ?? '')?.[1];
    expect(token).toBeDefined();
    expect(verifyExportToken(secret, token!, h.clock.now()).ok).toBe(true);
    expect((await h.request(`/privacy/export/${token}`)).response.status).toBe(200);
    expect((await storedSecret())!.value).toBe(sealed);

    h.env.DATA_ENCRYPTION_KEY = randomBytes(32).toString('base64');
    const refused = (await h.request(`/privacy/export/${token}`)).response;
    expect(refused.status).toBe(500);
    expect(await refused.json()).toEqual({ error: 'service misconfigured' });
    expect((await storedSecret())!.value).toBe(sealed);
  });

  it('without a sealed secret yet, the Worker seals one that Node opens with the same key', async () => {
    await h.request('/local/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: '李四', text: '帮助' }) });
    const sealed = (await storedSecret())?.value;
    expect(sealed).toBeDefined();
    const secret = await withDb((db) => resolveLinkSecret(db, parseDataKey(key, 'DATA_ENCRYPTION_KEY')));
    expect(sealed).not.toContain(secret);
    expect((await storedSecret())!.value).toBe(sealed);
  });
});
