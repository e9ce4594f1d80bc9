import { getJson, postJson, type PostResult } from './load.ts';

/**
 * Talks to the service as the local web chat does (DESIGN.md's local adapter contract), and keeps
 * the books a run is checked against: how many replies each person is owed, and what went wrong.
 */
export class ServiceClient {
  private seq = 0;
  private readonly runId = Date.now().toString(36);
  /** Replies the service said it queued per user (the 202's `replies`), to wait for their delivery. */
  private readonly owed = new Map<string, number>();
  private readonly delivered = new Map<string, { count: number; lastId?: string }>();
  readonly failures = { count: 0, byStatus: new Map<number, number>(), samples: [] as string[] };
  /** Messages answered 202 but marked duplicate: every id is unique, so this must stay 0. */
  duplicates = 0;
  accepted = 0;
  /** Requests sent twice because the first attempt failed on the network (see `say`). */
  retried = 0;
  readonly retrySamples: string[] = [];

  constructor(readonly baseUrl: string) {}

  /**
   * Posts one chat message with a fresh event id; `dueAt` lets the open loop time from the schedule.
   * A network failure (a keep-alive socket the server closed just as it was reused, more likely on a
   * busy machine) is retried once with the same id, which the service's dedupe makes safe: if the
   * first attempt did land, the retry is answered `duplicate` and changes nothing.
   */
  async say(userId: string, text: string, dueAt?: number): Promise<PostResult> {
    const id = `bench-${this.runId}-${++this.seq}`;
    const url = `${this.baseUrl}/local/messages`;
    let result = await postJson(url, { id, userId, text }, dueAt);
    let isRetry = false;
    if (result.status === 0) {
      this.retried++;
      if (this.retrySamples.length < 3) this.retrySamples.push(result.error ?? 'network error');
      isRetry = true;
      result = await postJson(url, { id, userId, text }, dueAt);
    }
    if (result.status === 202) {
      this.accepted++;
      if (result.body?.duplicate && !isRetry) this.duplicates++;
      // A retry answered `duplicate` does not say how many replies the first attempt queued; every
      // message the bench sends gets at least one, and waiting for one is enough to keep the books.
      const replies = result.body?.duplicate && isRetry ? 1 : (result.body?.replies ?? 0);
      this.owed.set(userId, (this.owed.get(userId) ?? 0) + replies);
    } else {
      this.failures.count++;
      this.failures.byStatus.set(result.status, (this.failures.byStatus.get(result.status) ?? 0) + 1);
      if (this.failures.samples.length < 5) this.failures.samples.push(`${result.status} ${result.error ?? ''} (${text})`);
    }
    return result;
  }

  /** Total replies the service has promised so far. */
  get repliesOwed(): number {
    let n = 0;
    for (const v of this.owed.values()) n += v;
    return n;
  }

  /**
   * Waits until every queued reply has reached its inbox through the outbox and the delivery loop
   * (GET /local/inbox/:userId?after=...), and returns how long that took.
   */
  async waitForDelivery(timeoutMs = 120_000): Promise<number> {
    const started = performance.now();
    const pending = () => [...this.owed].filter(([user, n]) => (this.delivered.get(user)?.count ?? 0) < n).map(([user]) => user);
    for (let users = pending(); users.length > 0; users = pending()) {
      if (performance.now() - started > timeoutMs) {
        throw new Error(`${users.length} inboxes still waiting for replies after ${timeoutMs} ms (e.g. ${users[0]})`);
      }
      for (const user of users) {
        const seen = this.delivered.get(user) ?? { count: 0 };
        const query = seen.lastId ? `?after=${encodeURIComponent(seen.lastId)}` : '';
        const messages = await getJson<Array<{ id: string }>>(`${this.baseUrl}/local/inbox/${encodeURIComponent(user)}${query}`);
        if (messages.length) this.delivered.set(user, { count: seen.count + messages.length, lastId: messages.at(-1)!.id });
      }
      if (pending().length) await new Promise((r) => setTimeout(r, 50));
    }
    return performance.now() - started;
  }
}
