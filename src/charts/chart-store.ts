import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../core/shared/db.ts';
import type { Clock } from '../core/shared/clock.ts';

/** How long a chart is kept (housekeeping deletes it after) and how long its links work. */
export const chartRetentionDays = 7;
const DAY_MS = 86_400_000;

/** A stored chart as an outbound message names it: adapters fetch the bytes or the link by id. */
export interface ChartRef {
  chartId: string;
  alt: string;
}

/**
 * The chart for `key`, rendered only if no process has stored it yet: a post's picture is drawn once
 * however often the job that writes the post runs (retries, a second worker). `render` is called
 * outside any lock; two racing renders store one row and both return it.
 */
export async function storeChart(
  db: Db,
  input: { key: string; orgId: string; kind: string; now: Date; render: () => Promise<{ png: Buffer; alt: string }> | { png: Buffer; alt: string } },
): Promise<ChartRef> {
  const existing = await db.selectFrom('chart_images').select(['id', 'alt']).where('key', '=', input.key).executeTakeFirst();
  if (existing) return { chartId: existing.id, alt: existing.alt };
  const { png, alt } = await input.render();
  await db
    .insertInto('chart_images')
    .values({ key: input.key, org_id: input.orgId, kind: input.kind, png, alt, created_at: input.now })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('chart_images').select(['id', 'alt']).where('key', '=', input.key).executeTakeFirstOrThrow();
  return { chartId: row.id, alt: row.alt };
}

/** Whether the org wants charts (`图表 关` / `charts off` turns them off). */
export async function chartsEnabled(db: Db, orgId: string): Promise<boolean> {
  const row = await db.selectFrom('orgs').select('charts').where('id', '=', orgId).executeTakeFirst();
  return row?.charts ?? false;
}

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(`chart-image\n${body}`).digest().subarray(0, 16);

/** `<chart id>.<expiry, unix seconds>.<signature>`: checked without a lookup, useless for any other chart. */
export function signChartToken(secret: string, chartId: string, expiresAt: Date): string {
  const body = `${chartId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${body}.${sign(secret, body).toString('base64url')}`;
}

/** The chart id of a valid, unexpired token; null otherwise. */
export function verifyChartToken(secret: string, token: string, now: Date): string | null {
  const match = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) return null;
  const [, chartId, exp, signature] = match as unknown as [string, string, string, string];
  const expected = sign(secret, `${chartId}.${exp}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Number(exp) * 1000 > now.getTime() ? chartId : null;
}

/** A chart as an adapter sends it: the bytes (for uploads) and a signed link (for platforms that take a URL). */
export interface ChartImage {
  png: Buffer;
  alt: string;
  url: string;
}

/** The port adapters reach stored charts through (they never query the database themselves). */
export interface ChartImages {
  /** Undefined when the chart is gone (past its 7 days): the message then goes as text. */
  load(chartId: string): Promise<ChartImage | undefined>;
}

export function createChartImages(deps: { db: Db; clock: Clock; secret: string; publicUrl: string }): ChartImages {
  return {
    async load(chartId) {
      const row = await deps.db.selectFrom('chart_images').select(['png', 'alt', 'created_at']).where('id', '=', chartId).executeTakeFirst();
      if (!row) return undefined;
      const expiresAt = new Date(new Date(row.created_at).getTime() + chartRetentionDays * DAY_MS);
      if (expiresAt <= deps.clock.now()) return undefined;
      return { png: Buffer.from(row.png), alt: row.alt, url: `${deps.publicUrl.replace(/\/$/, '')}/i/${signChartToken(deps.secret, chartId, expiresAt)}.png` };
    },
  };
}

/** Deletes charts past their 7 days (housekeeping), in batches; returns how many. */
export async function pruneChartImages(db: Db, now: Date, limit = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const old = await db.selectFrom('chart_images').select('id').where('created_at', '<', new Date(now.getTime() - chartRetentionDays * DAY_MS)).limit(limit).execute();
    if (old.length === 0) return total;
    await db.deleteFrom('chart_images').where('id', 'in', old.map((r) => r.id)).execute();
    total += old.length;
    if (old.length < limit) return total;
  }
}
