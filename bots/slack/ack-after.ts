/** Below Slack's 3 s, and below the HTTP receiver's own deadline, so this one decides first. */
export const LISTENER_ACK_DEADLINE_MS = 2000;

/**
 * Runs `work`, then acks with nothing. Work that outlasts the deadline is acked empty at the deadline
 * and goes on (Slack shows the person a timeout after 3 s, and Socket Mode has no receiver-level
 * deadline of its own). Work that fails before anything was acked is acked with `onFailure()`'s
 * answer (an ephemeral "something went wrong", an error on a form field), then the error is rethrown
 * for the receiver to log.
 */
export async function ackAfter<R>(
  work: () => Promise<void>,
  ack: (response?: R) => Promise<void>,
  onFailure: () => R | Promise<R>,
  deadlineMs = LISTENER_ACK_DEADLINE_MS,
): Promise<void> {
  let acked = false;
  const timer = setTimeout(() => {
    acked = true;
    ack().catch(() => undefined);
  }, deadlineMs);
  timer.unref();
  try {
    await work();
  } catch (error) {
    clearTimeout(timer);
    if (!acked) {
      acked = true;
      await ack(await onFailure());
    }
    throw error;
  }
  clearTimeout(timer);
  if (!acked) await ack();
}
