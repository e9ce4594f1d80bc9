import http from 'node:http';

/**
 * Load generation over HTTP: a closed loop with bounded concurrency for throughput, and an open loop
 * at a fixed rate for latency.
 *
 * Requests go through node:http with one keep-alive agent capped at `maxSockets` connections rather
 * than through global fetch, which opens a new connection for every request in flight: when an open
 * loop outpaces the service that meant hundreds of connects piling up in the listen backlog and
 * failing with connect timeouts, which measured the kernel's backlog, not the service. With a cap,
 * excess requests wait in the agent's queue and that wait still counts, since latency is taken from
 * the moment each request was due.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export interface PostResult {
  status: number;
  /** From the moment the request was due to its answer being read, ms. */
  ms: number;
  body?: { duplicate?: boolean; replies?: number };
  error?: string;
}

/** POSTs JSON and reads the answer; network errors come back as status 0 instead of throwing. */
export async function postJson(url: string, body: unknown, dueAt = performance.now()): Promise<PostResult> {
  try {
    const { status, text } = await request(url, 'POST', JSON.stringify(body));
    const ms = performance.now() - dueAt;
    let parsed: PostResult['body'];
    try {
      parsed = JSON.parse(text) as PostResult['body'];
    } catch {
      parsed = undefined;
    }
    return { status, ms, body: parsed, ...(status >= 200 && status < 300 ? {} : { error: text.slice(0, 300) }) };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { status: 0, ms: performance.now() - dueAt, error: `${e.code ?? ''} ${e.message ?? String(error)}`.trim() };
  }
}

/** GETs JSON (throws on network errors and non-2xx answers). */
export async function getJson<T>(url: string): Promise<T> {
  const { status, text } = await request(url, 'GET');
  if (status < 200 || status >= 300) throw new Error(`GET ${url} → ${status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

function request(url: string, method: 'GET' | 'POST', body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Runs jobs in order with at most `concurrency` in flight, and never two jobs with the same key at
 * once: a person does not send their next message before the bot answered the last one, and the
 * service's "one open visit per rep" rule assumes a rep's check-ins arrive one after another.
 */
export async function runClosedLoop<T>(
  jobs: readonly T[],
  options: { concurrency: number; keyOf: (job: T) => string },
  run: (job: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lastByKey = new Map<string, Promise<void>>();
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const key = options.keyOf(job);
      const previous = lastByKey.get(key);
      const current = (async () => {
        if (previous) await previous;
        await run(job);
      })();
      lastByKey.set(key, current);
      await current;
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, jobs.length) }, worker));
}

export interface OpenLoopResult {
  /** Requests actually sent: fewer than asked for when the loop stopped at saturation. */
  sent: number;
  /** The service fell so far behind that the loop stopped early (see `maxInFlight`). */
  saturated: boolean;
  /** How late the generator fired requests, worst case, ms: large values mean the bench itself was the bottleneck. */
  maxSendLagMs: number;
  /** From the first scheduled send to the last answer. */
  elapsedMs: number;
}

/**
 * Fires up to `count` requests at fixed intervals, whether or not earlier ones were answered (an open
 * loop): a slow service then shows up as growing latency, not as a politely lower request rate.
 * `send` gets the time the request was due so latency includes any delay in firing it.
 *
 * When more than `maxInFlight` requests are unanswered the service is saturated: every further
 * request would only measure a longer queue, and finishing the schedule could take minutes. The
 * loop then stops sending, waits for what is in flight, and says so.
 */
export async function runOpenLoop(
  options: { count: number; ratePerSecond: number; maxInFlight: number },
  send: (index: number, dueAt: number) => Promise<void>,
): Promise<OpenLoopResult> {
  const interval = 1000 / options.ratePerSecond;
  const start = performance.now() + 20;
  const all: Promise<void>[] = [];
  let inFlight = 0;
  let maxSendLagMs = 0;
  let saturated = false;
  for (let i = 0; i < options.count; i++) {
    const dueAt = start + i * interval;
    const wait = dueAt - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    if (inFlight >= options.maxInFlight) {
      saturated = true;
      break;
    }
    maxSendLagMs = Math.max(maxSendLagMs, performance.now() - dueAt);
    inFlight++;
    all.push(send(i, dueAt).finally(() => inFlight--));
  }
  await Promise.all(all);
  return { sent: all.length, saturated, maxSendLagMs, elapsedMs: performance.now() - start };
}
