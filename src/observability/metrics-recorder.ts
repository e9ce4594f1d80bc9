/**
 * What the service reports as it works, as a port: the engine, the delivery loop and the scheduler
 * call it without knowing about Prometheus (the edge bundle and tests without /metrics use `noMetrics`).
 */

/** How an inbound event ended: a turn ran, a redelivery changed nothing, a domain refusal was answered, or it threw. */
export type InboundResult = 'handled' | 'duplicate' | 'refused' | 'error';

/** What one delivery attempt did: sent, will be retried (error), held back by the platform's 429, or given up. */
export type DeliveryOutcome = 'sent' | 'retried' | '429' | 'failed';

export interface MetricsRecorder {
  /** One inbound event from `platform` and how long its turn took (seconds). */
  inbound(platform: string, result: InboundResult, seconds: number): void;
  /** `count` messages to `platform` ended a delivery attempt with `outcome`. */
  delivery(platform: string, outcome: DeliveryOutcome, count?: number): void;
  /** One scheduler job (`reminders-tick`, `digest-send` …) ran for `seconds`. */
  schedulerJob(job: string, seconds: number, ok: boolean): void;
}

/** Records nothing. */
export const noMetrics: MetricsRecorder = {
  inbound: () => undefined,
  delivery: () => undefined,
  schedulerJob: () => undefined,
};
