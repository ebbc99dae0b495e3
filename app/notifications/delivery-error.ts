/**
 * A provider refused or could not take a message. `retryable` says whether trying again later can help (an SMTP
 * 4xx, a refused connection, a provider 5xx) or not (an SMTP 5xx, a provider 4xx); `reason` is kept in the log.
 */
export class DeliveryError extends Error {
  override readonly name = "DeliveryError";

  constructor(
    readonly reason: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}
