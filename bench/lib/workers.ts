import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import type { Database } from "../../app/db.server";
import { PROCESS_WEBHOOK_JOB } from "../../app/webhooks/process-job-payload";
import { REPO_ROOT } from "../../scripts/lib/repo-root";

/** `count` separate `npm run worker` processes on one database, as a production deployment runs them. */
export function startWorkerProcesses(env: Record<string, string>, count: number): ChildProcess[] {
  return Array.from({ length: count }, () =>
    spawn(process.execPath, ["--import", "tsx", join(REPO_ROOT, "scripts/worker.ts")], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "ignore", "inherit"],
    }),
  );
}

/** SIGTERM to each worker; resolves once all have let their running jobs finish and exited. */
export async function stopWorkerProcesses(workers: ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.exitCode !== null || worker.signalCode !== null) return resolve();
          worker.once("exit", () => resolve());
          worker.kill("SIGTERM");
        }),
    ),
  );
}

/** Waits until the shop has no open webhook job; gives up when a worker dies or the queue stops moving for `stallMs`. */
export async function waitForWebhookJobsDrained(database: Database, shop: string, workers: ChildProcess[], stallMs: number): Promise<void> {
  let lastOpen = Number.POSITIVE_INFINITY;
  let lastProgressAt = Date.now();
  for (;;) {
    const exited = workers.find((worker) => worker.exitCode !== null);
    if (exited) throw new Error(`a worker exited with code ${exited.exitCode} before the queue drained`);
    const open = await database.prisma.job.count({ where: { shop, name: PROCESS_WEBHOOK_JOB, status: { in: ["queued", "running"] } } });
    if (open === 0) return;
    if (open < lastOpen) [lastOpen, lastProgressAt] = [open, Date.now()];
    if (Date.now() - lastProgressAt > stallMs) throw new Error(`${open} jobs still open and none finished for ${stallMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
