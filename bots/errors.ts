/**
 * Errors adapters throw when sending, carrying what the delivery loop should do next (in the spirit
 * of bullmq's DelayedError / UnrecoverableError).
 */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterMs: number, message = 'rate limited') {
    super(message);
    this.name = 'RateLimitedError';
  }
}

/** Credentials rejected: retrying soon will not help, but the message is kept for when they are fixed. */
export class AuthFailedError extends Error {
  constructor(message = 'authentication failed') {
    super(message);
    this.name = 'AuthFailedError';
  }
}

/** The message can never be delivered (unknown recipient, malformed payload): mark it failed. */
export class UnrecoverableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnrecoverableError';
  }
}

/**
 * The message's text went out but its picture did not (upload refused: quota, size, permissions, a
 * platform error). The delivery loop marks the message sent, logs `platformError` and queues the
 * picture alone as a new outbox message, retried like any other (issue 18: a picture never costs the text).
 */
export class PictureNotSentError extends Error {
  constructor(readonly platformError: string) {
    super(`picture not sent: ${platformError}`);
    this.name = 'PictureNotSentError';
  }
}
