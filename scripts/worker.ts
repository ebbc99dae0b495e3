/** `npm run worker`: runs jobs from DATABASE_URL until SIGINT/SIGTERM, then lets the running ones finish. */
import { closeDatabase, database } from "../app/db.server";
import { env } from "../app/env.server";
import { jobDefinitions } from "../app/jobs/handlers.server";
import { startJobWorker } from "../app/jobs/start.server";
import { logger } from "../app/logger.server";

// Also queues the startup tasks a deploy needs (app/jobs/start.server.ts).
const worker = startJobWorker({ database: database(), concurrency: env().WORKER_CONCURRENCY });
logger.info({ workerId: worker.id, jobs: jobDefinitions.map((job) => job.name) }, "worker started");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    logger.info({ workerId: worker.id, signal }, "worker stopping after its running jobs");
    void worker
      .stop()
      .then(closeDatabase)
      .then(() => process.exit(0));
  });
}
