import type { Database, DbClient } from "../db.server";
import { logger } from "../logger.server";
import { queueReturnWebhookReplays } from "../returns/replay-job.server";
import { jobDefinitions } from "./handlers.server";
import { startWorker, type JobWorker, type WorkerOptions } from "./worker.server";

/**
 * Work a deploy may leave behind for some shops, queued as jobs whenever a worker process starts (every deploy
 * starts new workers). Each returns how many shops it queued; queueing twice is harmless (unique keys).
 */
export const STARTUP_TASKS: ReadonlyArray<{ name: string; queue: (client: DbClient) => Promise<number> }> = [
  { name: "returns webhook replay", queue: queueReturnWebhookReplays },
];

/** Starts a worker for every registered job (in the web process or `npm run worker`) and queues the startup tasks. */
export function startJobWorker(options: Omit<WorkerOptions, "handlers">): JobWorker {
  const worker = startWorker({ ...options, handlers: jobDefinitions });
  void queueStartupTasks(options.database);
  return worker;
}

/** Queues every startup task; one that fails is logged and retried at the next start, never fatal to the worker. */
export async function queueStartupTasks(database: Database): Promise<void> {
  for (const task of STARTUP_TASKS) {
    try {
      const shops = await task.queue(database.prisma);
      if (shops) logger.info({ task: task.name, shops }, "startup task queued");
    } catch (error) {
      logger.error({ task: task.name, err: error }, "startup task could not be queued");
    }
  }
}
