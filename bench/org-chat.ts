import { runOpenLoop } from './lib/load.ts';
import type { ServiceClient } from './lib/service-client.ts';
import { summarize, type LatencySummary } from './lib/stats.ts';
import { customerName, managerName, repName, type OrgShape } from './org-seed.ts';

export type ChatKind = 'today' | 'customer' | 'team';

export interface ChatResult {
  rate: number;
  planned: number;
  sent: number;
  failed: number;
  saturated: boolean;
  all: LatencySummary;
  byKind: Record<ChatKind, LatencySummary>;
  maxSendLagMs: number;
  deliveryTailMs: number;
  warmupSeconds: number;
}

/**
 * Request i of the chat phase: a rep's `今天`, a rep's `客户 <one of their customers>`, a manager's
 * `团队` (their daily digest so far), in turn. People are spread over the whole org (a stride prime
 * to its size), so no answer comes from rows the previous request just read.
 */
export function chatRequest(i: number, shape: OrgShape): { kind: ChatKind; userId: string; text: string } {
  const rep = (i * 7919) % shape.reps;
  switch (i % 3) {
    case 0:
      return { kind: 'today', userId: repName(rep), text: '今天' };
    case 1:
      // Customer c is owned by rep c % reps: this is one of the rep's own.
      return { kind: 'customer', userId: repName(rep), text: `客户 ${customerName(rep + shape.reps * (i % 10))}` };
    default:
      return { kind: 'team', userId: managerName((i * 7919) % shape.teams), text: '团队' };
  }
}

/**
 * The chat answers at a fixed rate through the running service's local API (open loop, latency
 * from the moment each request was due to its 202, which the service sends once the turn, its
 * reads and its reply in the outbox, is committed), then waits until every reply was delivered.
 */
export async function measureChat(client: ServiceClient, shape: OrgShape, options: { rate: number; seconds: number; warmupSeconds?: number }): Promise<ChatResult> {
  // Warm-up at the same rate, not counted: a freshly started service opens its pool's connections
  // as the rate demands, and each new PostgreSQL backend plans its first statements against cold
  // catalog caches (~10 ms each). Measured unwarmed, that burst alone (p50 ~300 ms for 2 s at 10,000
  // reps) decides the p99 of a 20-second run; a service that has been up for a minute has neither.
  const planned = options.rate * options.seconds;
  const warmup = (options.warmupSeconds ?? 0) * options.rate;
  if (warmup > 0) {
    await runOpenLoop({ count: warmup, ratePerSecond: options.rate, maxInFlight: options.rate * 5 }, async (i, dueAt) => {
      // Requests after the measured ones' indexes: other people (the stride is prime to the org's
      // size), so the measured answers are not read from rows the warm-up just touched.
      const { userId, text } = chatRequest(planned + i, shape);
      await client.say(userId, text, dueAt);
    });
  }
  const latencies: Record<ChatKind, number[]> = { today: [], customer: [], team: [] };
  let failed = 0;
  const loop = await runOpenLoop({ count: planned, ratePerSecond: options.rate, maxInFlight: options.rate * 5 }, async (i, dueAt) => {
    const { kind, userId, text } = chatRequest(i, shape);
    const r = await client.say(userId, text, dueAt);
    if (r.status === 202) latencies[kind].push(r.ms);
    else failed++;
  });
  const deliveryTailMs = await client.waitForDelivery();
  const { sent, saturated, maxSendLagMs } = loop;
  const byKind = { today: summarize(latencies.today), customer: summarize(latencies.customer), team: summarize(latencies.team) };
  return { rate: options.rate, warmupSeconds: options.warmupSeconds ?? 0, planned, sent, failed, saturated, all: summarize(Object.values(latencies).flat()), byKind, maxSendLagMs, deliveryTailMs };
}
