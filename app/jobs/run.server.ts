import { z } from "zod";
import type { Database, Db } from "../db.server";
import { logger as appLogger, type Logger } from "../logger.server";
import { PermanentJobError } from "./errors";
import type { CompleteJob } from "./completions.server";
import type { ClaimedJob } from "./job";
import { completeJob, failJob, renewLease } from "./lease.server";
import type { JobDefinition, JobHandlers } from "./registry";

export type JobOutcome = "succeeded" | "retry" | "dead" | "lease_lost";

export interface RunJobOptions {
  leaseMs: number;
  /** How success is recorded (default: completeJob); a worker passes its batching completer. */
  complete?: CompleteJob;
  clock?: () => Date;
  logger?: Logger;
}

/**
 * Runs one claimed job to an outcome: its handler with a checked payload and a lease heartbeat, then
 * completion, or a retry / dead letter with the error kept. Handler errors never escape; database errors do.
 */
export async function runClaimedJob(database: Database, handlers: JobHandlers, job: ClaimedJob, options: RunJobOptions): Promise<JobOutcome> {
  const clock = options.clock ?? (() => new Date());
  const log = (options.logger ?? appLogger).child({ jobId: job.id, jobName: job.name, shop: job.shop, attempt: job.attempts });
  const db = database.prisma;
  let failure: { error: unknown } | undefined;
  try {
    const definition = runnableDefinition(handlers, job);
    const payload = checkedPayload(definition, job);
    await withHeartbeat(db, job, options.leaseMs, clock, log, (signal) =>
      definition.handle(
        { db, shop: job.shop, job: { id: job.id, name: job.name, attempt: job.attempts, maxAttempts: job.maxAttempts }, logger: log, signal },
        payload,
      ),
    );
  } catch (error) {
    failure = { error };
  }

  if (!failure) {
    const complete = options.complete ?? ((finished: ClaimedJob, now: Date) => completeJob(db, finished, now));
    if (await complete(job, clock())) return "succeeded";
    log.warn("job finished after losing its lease (reclaimed or cancelled); completion ignored");
    return "lease_lost";
  }
  const result = await failJob(db, job, failure.error, { now: clock() });
  if (result.status === "queued") {
    log.warn({ err: failure.error, retryAt: result.runAt }, "job failed; will retry");
    return "retry";
  }
  if (result.status === "dead") {
    log.error({ err: failure.error }, "job dead-lettered");
    return "dead";
  }
  log.warn({ err: failure.error }, "job failed after losing its lease; failure ignored");
  return "lease_lost";
}

function runnableDefinition(handlers: JobHandlers, job: ClaimedJob): JobDefinition {
  // Only a lease expiry (crash, or a job outliving its heartbeat) pushes attempts past the maximum.
  if (job.attempts > job.maxAttempts) {
    throw new PermanentJobError(`gave up after ${job.maxAttempts} attempts (${job.lastError ?? "no error recorded"})`);
  }
  const definition = handlers.get(job.name);
  if (!definition) throw new PermanentJobError(`no handler is registered for job "${job.name}" (app/jobs/handlers.server.ts)`);
  return definition;
}

function checkedPayload(definition: JobDefinition, job: ClaimedJob): unknown {
  let json: unknown;
  try {
    json = JSON.parse(job.payload);
  } catch (error) {
    throw new PermanentJobError(`payload is not JSON: ${(error as Error).message}`);
  }
  const parsed = definition.payload.safeParse(json);
  if (!parsed.success) throw new PermanentJobError(`invalid payload for "${job.name}": ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

async function withHeartbeat<T>(
  db: Db,
  job: ClaimedJob,
  leaseMs: number,
  clock: () => Date,
  log: Logger,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const lost = new AbortController();
  const heartbeat = setInterval(() => {
    renewLease(db, job, leaseMs, clock()).then(
      (held) => {
        if (!held && !lost.signal.aborted) lost.abort(new Error("lease lost"));
      },
      (error: unknown) => log.warn({ err: error }, "lease renewal failed"),
    );
  }, leaseMs / 3);
  heartbeat.unref();
  try {
    return await work(lost.signal);
  } finally {
    clearInterval(heartbeat);
  }
}
