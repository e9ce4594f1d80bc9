/**
 * Sends messages to the service the way a chat platform does: each event has an id, and an answer
 * other than 2xx (or no answer within the timeout) means "try again later", so the same event is
 * posted again, possibly to another instance behind the load balancer, until it is acknowledged.
 */

export interface LocalMessage {
  id: string;
  userId: string;
  text: string;
  channelId?: string;
}

export interface SendOutcome {
  id: string;
  acked: boolean;
  attempts: number;
  /** When the platform got its 2xx (ms, performance.now()). */
  ackedAt?: number;
}

export interface PlatformClientOptions {
  /** The web instances behind the load balancer (read on every attempt: restarts change nothing here). */
  targets: () => string[];
  /** Give up on an event after this long (a platform drops it eventually; the suite reports it). */
  giveUpMs?: number;
  requestTimeoutMs?: number;
  /** False once no instance is left running (they all crashed): retrying further only waits out the give-up time. */
  anyAlive?: () => boolean;
}

export function createPlatformClient(options: PlatformClientOptions) {
  const giveUpMs = options.giveUpMs ?? 120_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  let turn = 0;

  async function post(message: LocalMessage): Promise<SendOutcome> {
    const started = performance.now();
    let attempts = 0;
    for (;;) {
      const targets = options.targets();
      const target = targets[turn++ % targets.length]!;
      attempts++;
      let retryAfterMs = 0;
      try {
        const res = await fetch(`${target}/local/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(message),
          signal: AbortSignal.timeout(requestTimeoutMs),
        });
        await res.arrayBuffer();
        if (res.ok) return { id: message.id, acked: true, attempts, ackedAt: performance.now() };
        if (res.status < 500 && res.status !== 429 && res.status !== 408) {
          // A 4xx is the platform's signal that retrying is pointless: the event is dropped.
          return { id: message.id, acked: false, attempts };
        }
        retryAfterMs = Number(res.headers.get('retry-after') ?? 0) * 1000;
      } catch {
        // Refused, reset or timed out: the platform retries.
      }
      if (performance.now() - started > giveUpMs || options.anyAlive?.() === false) return { id: message.id, acked: false, attempts };
      const backoff = Math.min(100 * 2 ** Math.min(attempts, 5), 2000);
      await new Promise((r) => setTimeout(r, Math.max(backoff, retryAfterMs)));
    }
  }

  /** Posts every message with at most `concurrency` in flight; `onProgress` sees each acknowledgement (count so far, event id). */
  async function burst(messages: LocalMessage[], concurrency: number, onProgress?: (acked: number, id: string) => void): Promise<SendOutcome[]> {
    const outcomes: SendOutcome[] = new Array(messages.length);
    let next = 0;
    let acked = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < messages.length) {
          const index = next++;
          outcomes[index] = await post(messages[index]!);
          if (outcomes[index]!.acked) onProgress?.(++acked, outcomes[index]!.id);
        }
      }),
    );
    return outcomes;
  }

  return { post, burst };
}

export type PlatformClient = ReturnType<typeof createPlatformClient>;

/** `count` messages from `users` people (round robin), ids `<prefix>-<n>`; `help` answers with one message. */
export function messagesFor(prefix: string, count: number, users: string[]): LocalMessage[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}`, userId: users[i % users.length]!, text: 'help' }));
}
