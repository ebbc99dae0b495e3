/** The recurring job that scans a shop for delivery exceptions (scan-job.server.ts). */
export const EXCEPTIONS_SCAN_JOB = "exceptions.scan";

/** How often each shop is scanned: a problem is flagged at most this long after its cause. */
export const EXCEPTIONS_SCAN_EVERY_MS = 15 * 60_000;
