/**
 * `npm run bench:scale-out [-- --full]`: one PostgreSQL job queue shared by 1, 2 and 4 worker processes
 * (issue 7, part 4). A backlog of signed `orders/create` deliveries is stored in the inbox first, then N
 * `npm run worker` processes drain it. Measured: jobs/s from the first finished job to the last, and proof
 * that nothing ran twice (every job one attempt, one order per event, and which workers took part).
 * Prints a table and, last, one JSON line.
 */
import { randomUUID } from "node:crypto";
import { cpus } from "node:os";
import { createDatabase, type Database } from "../app/db.server";
import { migrate } from "../app/db/migrate.server";
import type { WebhookDelivery } from "../app/webhooks/delivery";
import { storeWebhookEvents } from "../app/webhooks/inbox.server";
import { PROCESS_WEBHOOK_JOB } from "../app/webhooks/process-job-payload";
import { benchDatabaseUrl, dropDatabase } from "./lib/databases";
import { startCpuSampler } from "./lib/cpu";
import { orderBodies } from "./lib/webhooks";
import { startWorkerProcesses, stopWorkerProcesses, waitForWebhookJobsDrained } from "./lib/workers";

const full = process.argv.includes("--full");
const JOBS = full ? 20_000 : 1_000;
const WORKER_COUNTS = [1, 2, 4];
const CONCURRENCY_PER_WORKER = Number(process.env.BENCH_WORKER_CONCURRENCY ?? 4);
const shop = "scale-out.myshopify.com";

interface Figures {
  workers: number;
  jobs: number;
  perSecond: number;
  drainSeconds: number;
  /** Jobs claimed more than once; 0 is the only acceptable answer. */
  doubleClaims: number;
  /** Orders stored per processed event beyond one; 0 is the only acceptable answer. */
  duplicateOrders: number;
  workersThatRan: number;
  /** Share of the machine's cores busy while the queue drained (workers, PostgreSQL and all): 1 = saturated. */
  cpuBusy: number;
}

function deliveries(count: number): WebhookDelivery[] {
  return orderBodies(count).map((rawBody) => ({
    shop,
    topic: "orders/create",
    webhookId: randomUUID(),
    eventId: randomUUID(),
    apiVersion: "2026-07",
    triggeredAt: new Date(),
    rawBody,
  }));
}

async function fillBacklog(database: Database): Promise<void> {
  const all = deliveries(JOBS);
  for (let start = 0; start < all.length; start += 500) await storeWebhookEvents(database.prisma, all.slice(start, start + 500));
}

async function measure(workers: number): Promise<Figures> {
  const url = benchDatabaseUrl("postgres", `scale${workers}`);
  await migrate(url);
  const database = createDatabase(url);
  try {
    await fillBacklog(database);
    const processes = startWorkerProcesses(
      { DATABASE_URL: url, WORKER_CONCURRENCY: String(CONCURRENCY_PER_WORKER), SHOPIFY_API_KEY: "bench-key", SHOPIFY_API_SECRET: "bench-secret", SHOPIFY_APP_URL: "http://127.0.0.1:9" },
      workers,
    );
    const cpu = startCpuSampler();
    try {
      await waitForWebhookJobsDrained(database, shop, processes, 120_000);
    } finally {
      cpu.stop();
      await stopWorkerProcesses(processes);
    }
    return await figuresOf(database, workers, cpu.busyBetween);
  } finally {
    await database.close();
    await dropDatabase(url);
  }
}

async function figuresOf(database: Database, workers: number, busyBetween: (from: Date, to: Date) => number): Promise<Figures> {
  const where = { shop, name: PROCESS_WEBHOOK_JOB };
  const succeeded = await database.prisma.job.count({ where: { ...where, status: "succeeded" } });
  if (succeeded !== JOBS) throw new Error(`expected ${JOBS} succeeded jobs, found ${succeeded}`);
  const doubleClaims = await database.prisma.job.count({ where: { ...where, attempts: { gt: 1 } } });
  const orders = await database.prisma.order.count({ where: { shop } });
  // First finish to last finish: the workers' start-up (tsx compiling the app) and the backlog fill are not counted.
  const span = await database.prisma.job.aggregate({ where, _min: { finishedAt: true }, _max: { finishedAt: true } });
  const lockedBy = await database.prisma.job.groupBy({ by: ["lockedBy"], where });
  const drainSeconds = (span._max.finishedAt!.getTime() - span._min.finishedAt!.getTime()) / 1000;
  return {
    workers,
    jobs: JOBS,
    perSecond: Math.round(JOBS / Math.max(drainSeconds, 0.001)),
    drainSeconds: Math.round(drainSeconds * 10) / 10,
    doubleClaims,
    duplicateOrders: Math.max(0, orders - JOBS),
    workersThatRan: lockedBy.filter((group) => group.lockedBy !== null).length,
    cpuBusy: busyBetween(span._min.finishedAt!, span._max.finishedAt!),
  };
}

const results: Figures[] = [];
for (const workers of WORKER_COUNTS) {
  const figures = await measure(workers);
  results.push(figures);
  console.log(
    `${workers} worker(s): ${figures.perSecond} jobs/s (${figures.jobs} in ${figures.drainSeconds} s), ` +
      `${figures.workersThatRan} took part, double claims ${figures.doubleClaims}, duplicate orders ${figures.duplicateOrders}, ` +
      `CPU ${Math.round(figures.cpuBusy * 100)}% of ${cpus().length} cores busy`,
  );
}
console.log(JSON.stringify({ bench: "scale-out", db: "postgres", full, concurrencyPerWorker: CONCURRENCY_PER_WORKER, results }));
