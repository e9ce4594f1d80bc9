import { runClosedLoop, runOpenLoop } from './lib/load.ts';
import type { ServiceClient } from './lib/service-client.ts';
import { summarize, type LatencySummary } from './lib/stats.ts';

/** The org a run works with: reps by local user id, customers by name and position (WGS-84). */
export interface BenchOrg {
  reps: string[];
  customers: Array<{ name: string; lat: number; lng: number }>;
}

const coord = (n: number) => n.toFixed(5);

/**
 * Registers the reps (each one's first message registers them; `language en` keeps the replies in
 * one language) and creates customers with positions around Shanghai, all through the chat.
 * The first rep goes alone: the first message of an org creates it and makes that person admin.
 */
export async function seedOrg(client: ServiceClient, options: { reps: number; customers: number; concurrency: number }): Promise<BenchOrg> {
  const reps = Array.from({ length: options.reps }, (_, i) => `bench-rep-${String(i + 1).padStart(3, '0')}`);
  const customers = Array.from({ length: options.customers }, (_, i) => ({
    name: `C${i + 1}`,
    // A grid with ~1 km between customers: every check-in below is within the 500 m radius of its
    // own customer only, so the run exercises the "verified" path with real distances.
    lat: 31.1 + (i % 20) * 0.01,
    lng: 121.3 + Math.floor(i / 20) * 0.01,
  }));
  const must = async (userId: string, text: string) => {
    const r = await client.say(userId, text);
    if (r.status !== 202) throw new Error(`seeding failed: "${text}" as ${userId} → ${r.status} ${r.error ?? ''}`);
  };
  await must(reps[0]!, 'language en');
  await runClosedLoop(reps.slice(1), { concurrency: options.concurrency, keyOf: (r) => r }, (rep) => must(rep, 'language en'));
  await runClosedLoop(
    customers.map((c, i) => ({ c, rep: reps[i % reps.length]! })),
    { concurrency: options.concurrency, keyOf: (j) => j.rep },
    ({ c, rep }) => must(rep, `new customer ${c.name} ${coord(c.lat)},${coord(c.lng)}`),
  );
  return { reps, customers };
}

/**
 * Which customer each rep checks in at next. A rep walks the customer list one step at a time from
 * its own starting point, so two consecutive check-ins are never at the same customer (the service
 * refuses a second check-in where the rep already is) and each new one closes the previous visit,
 * as a forgotten check-out does in real life.
 */
export class CheckInPlan {
  private readonly step = new Map<number, number>();
  /** Reps with at least one accepted check-in: each ends the run with exactly one open visit. */
  readonly checkedIn = new Set<string>();
  constructor(private readonly org: BenchOrg) {}

  next(repIndex: number): { userId: string; text: string } {
    const k = this.step.get(repIndex) ?? 0;
    this.step.set(repIndex, k + 1);
    const customer = this.org.customers[(repIndex * 7 + k) % this.org.customers.length]!;
    // ~30 m north-east of the customer: verified, with a real distance computed.
    const text = `checkin ${customer.name} ${coord(customer.lat + 0.0002)},${coord(customer.lng + 0.0002)}`;
    return { userId: this.org.reps[repIndex]!, text };
  }
}

export interface ThroughputResult {
  checkins: number;
  failed: number;
  elapsedMs: number;
  perSecond: number;
  latency: LatencySummary;
}

/** Closed loop: `checkins` check-ins, `concurrency` in flight, one at a time per rep. */
export async function measureThroughput(
  client: ServiceClient,
  plan: CheckInPlan,
  options: { checkins: number; reps: number; concurrency: number },
): Promise<ThroughputResult> {
  const jobs = Array.from({ length: options.checkins }, (_, i) => i % options.reps);
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  await runClosedLoop(jobs, { concurrency: options.concurrency, keyOf: String }, async (rep) => {
    // Drawn when the job runs, not when queued, so a rep's customers follow the order sent.
    const { userId, text } = plan.next(rep);
    const r = await client.say(userId, text);
    if (r.status === 202) {
      latencies.push(r.ms);
      plan.checkedIn.add(userId);
    } else failed++;
  });
  const elapsedMs = performance.now() - started;
  const ok = options.checkins - failed;
  return { checkins: ok, failed, elapsedMs, perSecond: (ok / elapsedMs) * 1000, latency: summarize(latencies) };
}

export interface FixedRateResult {
  rate: number;
  /** Requests the schedule asked for (rate × seconds). */
  planned: number;
  sent: number;
  failed: number;
  saturated: boolean;
  latency: LatencySummary;
  maxSendLagMs: number;
  elapsedMs: number;
}

/**
 * Open loop: check-ins at a fixed rate for `seconds`, latency from the moment each was due to its
 * 202. Reps take turns, so at 200/s with 50 reps each rep sends every 250 ms. Stops early, marked
 * saturated, once more than `maxBacklogSeconds` of requests are unanswered.
 */
export async function measureFixedRate(
  client: ServiceClient,
  plan: CheckInPlan,
  options: { rate: number; seconds: number; reps: number; maxBacklogSeconds: number },
): Promise<FixedRateResult> {
  const planned = options.rate * options.seconds;
  const latencies: number[] = [];
  let failed = 0;
  const loop = await runOpenLoop(
    { count: planned, ratePerSecond: options.rate, maxInFlight: Math.max(1, Math.round(options.rate * options.maxBacklogSeconds)) },
    async (i, dueAt) => {
      const { userId, text } = plan.next(i % options.reps);
      const r = await client.say(userId, text, dueAt);
      if (r.status === 202) {
        latencies.push(r.ms);
        plan.checkedIn.add(userId);
      } else failed++;
    },
  );
  return {
    rate: options.rate,
    planned,
    sent: loop.sent,
    failed,
    saturated: loop.saturated,
    latency: summarize(latencies),
    maxSendLagMs: loop.maxSendLagMs,
    elapsedMs: loop.elapsedMs,
  };
}
