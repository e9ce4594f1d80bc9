/**
 * Work that continues after Slack got its answer (an ack sent before processing finished, a Socket
 * Mode envelope). Tracked so shutdown can wait for it and tests can await it instead of sleeping.
 */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  /** Registers `work` and returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const forget = () => this.pending.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Resolves once nothing is in flight, including work started while waiting. Never rejects. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  get size(): number {
    return this.pending.size;
  }
}
