import { database } from "../db.server";
import { env } from "../env.server";
import { logger } from "../logger.server";
import { startJobWorker } from "./start.server";
import type { JobWorker } from "./worker.server";

let worker: JobWorker | undefined;

/**
 * Starts one job worker inside the web process when WORKER_IN_PROCESS is on (a single machine needs no
 * separate worker process), with the startup tasks a deploy needs. Idempotent; the server stops it on shutdown
 * so running jobs finish.
 */
export function ensureInProcessWorker(): void {
  const config = env();
  if (worker || !config.WORKER_IN_PROCESS || config.NODE_ENV === "test") return;
  worker = startJobWorker({ database: database(), concurrency: config.WORKER_CONCURRENCY });
  logger.info({ workerId: worker.id }, "in-process job worker started");
}

/** Stops the in-process worker, resolving once its running jobs have finished. */
export async function stopInProcessWorker(): Promise<void> {
  const stopping = worker?.stop();
  worker = undefined;
  await stopping;
}
