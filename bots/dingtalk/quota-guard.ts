import type { Clock } from '../../src/core/shared/clock.ts';
import type { Logger } from '../../src/logger.ts';
import { QUOTA_PROBE_INTERVAL_MS, QuotaExhaustedError } from './api-errors.ts';

export interface QuotaStatus {
  exhausted: boolean;
  code?: string;
  since?: Date;
  /** When the next call may probe whether the quota is back. */
  probeAt?: Date;
}

/** What the guard remembers; a Worker passes one that outlives the request (src/edge/isolate-state.ts). */
export interface QuotaMemory {
  state?: { code: string; since: Date; probeAt: Date };
}

/**
 * Remembers that the organisation's monthly OpenAPI quota ran out (standard DingTalk orgs get a few
 * thousand calls a month). Until the next probe time every proactive send fails fast with a
 * QuotaExhaustedError instead of calling DingTalk, so a backlog of reminders does not hammer the API;
 * the outbox keeps every message. Shown in /readyz and logged once per change.
 */
export class QuotaGuard {
  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly memory: QuotaMemory = {},
  ) {}

  private get state() {
    return this.memory.state;
  }

  private set state(value: QuotaMemory['state']) {
    this.memory.state = value;
  }

  /** Throws while the quota is known to be exhausted and the next probe is not due. */
  check(): void {
    if (!this.state) return;
    const wait = this.state.probeAt.getTime() - this.clock.now().getTime();
    if (wait > 0) throw new QuotaExhaustedError(this.state.code, wait);
  }

  exhausted(code: string): QuotaExhaustedError {
    const now = this.clock.now();
    const probeAt = new Date(now.getTime() + QUOTA_PROBE_INTERVAL_MS);
    if (!this.state) {
      this.logger.error(
        { platform: 'dingtalk', code, probeAt: probeAt.toISOString() },
        'DingTalk OpenAPI monthly quota exhausted: proactive messages are held in the outbox until it is available again (upgrade the DingTalk plan or wait for next month)',
      );
    }
    this.state = { code, since: this.state?.since ?? now, probeAt };
    return new QuotaExhaustedError(code, QUOTA_PROBE_INTERVAL_MS);
  }

  succeeded(): void {
    if (!this.state) return;
    this.logger.info({ platform: 'dingtalk', since: this.state.since.toISOString() }, 'DingTalk OpenAPI quota available again');
    this.state = undefined;
  }

  status(): QuotaStatus {
    return this.state ? { exhausted: true, code: this.state.code, since: this.state.since, probeAt: this.state.probeAt } : { exhausted: false };
  }
}
