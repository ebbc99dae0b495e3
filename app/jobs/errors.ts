/**
 * Thrown by a job when retrying cannot help (the order no longer exists, the payload refers to nothing): the
 * job is dead-lettered at once with this message instead of being retried with backoff.
 */
export class PermanentJobError extends Error {
  override readonly name = "PermanentJobError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
