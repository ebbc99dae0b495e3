import type { Db } from "../db.server";
import type { ClaimedJob } from "./job";
import { completeJob, completeJobs } from "./lease.server";

/** Records that a job succeeded; false when this worker no longer held its lease. */
export type CompleteJob = (job: ClaimedJob, now: Date) => Promise<boolean>;

interface Finished {
  job: ClaimedJob;
  now: Date;
  resolve: (held: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * Completion for a worker running jobs side by side: a job that finishes while another's completion is being
 * written waits for it and goes with the next write, all in one statement. Nothing waits when no write is under
 * way, so a lone job is completed at once; each job's completion still resolves only once it is written.
 */
export function createJobCompleter(db: Db): CompleteJob {
  let waiting: Finished[] = [];
  let writing = false;

  async function writeWaiting(): Promise<void> {
    writing = true;
    while (waiting.length) {
      const batch = waiting;
      waiting = [];
      try {
        const now = new Date(Math.max(...batch.map((finished) => finished.now.getTime())));
        const held = await completeJobs(db, batch.map((finished) => finished.job), now);
        for (const finished of batch) finished.resolve(held.has(finished.job.id));
      } catch (error) {
        for (const finished of batch) finished.reject(error);
      }
    }
    writing = false;
  }

  return (job, now) => {
    // A recurring job's next run is enqueued in its completion's transaction.
    if (job.repeatEveryMs !== null) return completeJob(db, job, now);
    return new Promise((resolve, reject) => {
      waiting.push({ job, now, resolve, reject });
      if (!writing) void writeWaiting();
    });
  };
}
