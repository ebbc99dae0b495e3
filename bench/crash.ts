/**
 * `npm run bench:crash [-- --full]`: crash safety (issue 7). The stand-in sends a seeded store's webhooks while
 * the app and the worker are killed with SIGKILL at random moments and restarted on the same database and port;
 * the stand-in's retries fill the gaps. Every webhook the stand-in saw acknowledged with 200 must be stored
 * once and processed once, and the final orders and shipments must equal an undisturbed run of the same seed.
 * Prints one JSON line. e2e/crash-safety.test.ts runs the same scenario at a small scale.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createDatabase, sqlitePath, type Database } from "../app/db.server";
import { migrate } from "../app/db/migrate.server";
import { startBuiltApp, type RunningApp } from "../scripts/lib/app-server";
import { installApp } from "../scripts/lib/install";
import { freePort } from "../scripts/lib/ports";
import { REPO_ROOT } from "../scripts/lib/repo-root";
import { waitUntilSettled } from "../scripts/lib/settle";
import { LOCAL_APP_CREDENTIALS } from "../scripts/lib/stack";
import { startStandIn, type StandIn } from "../sim/index.ts";

export interface CrashRunOptions {
  orders: number;
  /** How many SIGKILLs (of the app, the worker, or both) to deliver while webhooks flow. */
  kills: number;
  /** The stand-in's store seed: equal seeds give equal stores. */
  seed: number;
  /** The stand-in's clock, fixed so two runs of one seed carry the same Shopify timestamps. */
  shopifyNow: Date;
  settleTimeoutMs?: number;
  onProgress?: (message: string) => void;
}

export interface CrashRunResult {
  kills: number;
  /** Distinct webhook ids the stand-in saw answered 200. */
  acknowledged: number;
  /** Acknowledged webhooks stored once, handled, with exactly one succeeded processing job. */
  processedOnce: number;
  /** Acknowledged webhooks missing from the inbox. */
  lost: number;
  /** Webhook ids stored more than once, or with more than one succeeded processing job. */
  duplicates: number;
  /** Deliveries the stand-in gave up on (its retries ran out). */
  undelivered: number;
  /** The shop's orders, shipments and scans, canonically ordered (no app-side timestamps or generated ids). */
  dump: string;
}

const SHOP = "crash-safety.myshopify.com";
// Short enough that a killed app's gap is retried within seconds; long enough to outlast a restart (~3 s).
const RETRY_DELAYS_MS = Array.from({ length: 120 }, () => 250);
const WORKER_LEASE_MS = 2_000;
const HANDLED = new Set(["processed", "ignored", "deferred"]);

/** Runs the scenario once on a fresh SQLite database and reports what the stand-in's log and the inbox say. */
export async function runCrashScenario(options: CrashRunOptions): Promise<CrashRunResult> {
  const log = options.onProgress ?? (() => {});
  const databaseUrl = `file:${join(tmpdir(), `aftercare-crash-${randomBytes(5).toString("hex")}.db`)}`;
  await migrate(databaseUrl, REPO_ROOT);
  const database = createDatabase(databaseUrl);
  const port = await freePort();
  const standIn = await startStandIn({
    apiKey: LOCAL_APP_CREDENTIALS.apiKey,
    apiSecret: LOCAL_APP_CREDENTIALS.apiSecret,
    appUrl: `http://127.0.0.1:${port}`,
    shops: [SHOP],
    webhookRetry: { delaysMs: RETRY_DELAYS_MS },
    clock: () => new Date(options.shopifyNow),
  });
  const env = {
    SHOPIFY_API_KEY: LOCAL_APP_CREDENTIALS.apiKey,
    SHOPIFY_API_SECRET: LOCAL_APP_CREDENTIALS.apiSecret,
    SHOPIFY_APP_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: databaseUrl,
    SHOPIFY_STANDIN_URL: standIn.url,
    APP_BRIDGE_URL: `${standIn.url}/cdn/app-bridge.js`,
    LOG_LEVEL: "warn",
    WORKER_IN_PROCESS: "false",
  };
  let app: RunningApp | undefined;
  let worker: ChildProcess | undefined;
  try {
    app = await startBuiltApp(env, { port });
    worker = startWorkerProcess(env);
    await installApp({ adminUrl: `${standIn.url}/${SHOP}/admin/apps/${LOCAL_APP_CREDENTIALS.apiKey}` });
    await standIn.seed({ shop: SHOP, orders: options.orders, days: 20, seed: options.seed });
    log(`seeded ${options.orders} orders; ${standIn.webhooks.deliveries({ shop: SHOP }).length} webhooks queued`);

    let kills = 0;
    while (kills < options.kills && !allDelivered(standIn)) {
      await sleep(200 + Math.random() * 1_200);
      const victim = (["app", "worker", "both"] as const)[kills % 3]!;
      if (victim !== "worker") await killProcessGroup(app.process);
      if (victim !== "app") await killProcessGroup(worker);
      kills++;
      log(`kill ${kills}: SIGKILL ${victim}`);
      await sleep(Math.random() * 800);
      if (victim !== "worker") app = await startBuiltApp(env, { port });
      if (victim !== "app") worker = startWorkerProcess(env);
    }

    await waitUntilSettled({ standIn, client: database.prisma, shop: SHOP, timeoutMs: options.settleTimeoutMs ?? 120_000 });
    return { kills, ...(await countOutcomes(standIn, database)), dump: await canonicalDump(database) };
  } finally {
    if (worker) await killProcessGroup(worker);
    await app?.stop();
    await standIn.close();
    await database.close();
    const file = sqlitePath(databaseUrl);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) rmSync(path, { force: true });
  }
}

function allDelivered(standIn: StandIn): boolean {
  return standIn.webhooks.deliveries({ shop: SHOP }).every((delivery) => delivery.state === "delivered" || delivery.state === "failed");
}

/** Compares the stand-in's log of acknowledged deliveries with the inbox and the job queue. */
async function countOutcomes(standIn: StandIn, database: Database): Promise<Omit<CrashRunResult, "kills" | "dump">> {
  const deliveries = standIn.webhooks.deliveries({ shop: SHOP });
  const acknowledged = new Set(deliveries.filter((delivery) => delivery.attempts.some((attempt) => attempt.status === 200)).map((delivery) => delivery.webhookId));
  const events = await database.prisma.webhookEvent.findMany({ where: { shop: SHOP }, select: { id: true, webhookId: true, status: true } });
  const jobs = await database.prisma.job.findMany({ where: { shop: SHOP, name: "webhooks.process" }, select: { payload: true, status: true } });
  const succeededJobs = new Map<string, number>();
  for (const job of jobs) {
    if (job.status !== "succeeded") continue;
    const { webhookEventId } = JSON.parse(job.payload) as { webhookEventId: string };
    succeededJobs.set(webhookEventId, (succeededJobs.get(webhookEventId) ?? 0) + 1);
  }
  const byWebhookId = new Map<string, typeof events>();
  for (const event of events) byWebhookId.set(event.webhookId, [...(byWebhookId.get(event.webhookId) ?? []), event]);
  let lost = 0;
  let duplicates = 0;
  let processedOnce = 0;
  for (const webhookId of acknowledged) {
    const stored = byWebhookId.get(webhookId) ?? [];
    if (stored.length === 0) lost++;
    if (stored.length > 1) duplicates++;
    const [event] = stored;
    const runs = event ? (succeededJobs.get(event.id) ?? 0) : 0;
    if (runs > 1) duplicates++;
    if (stored.length === 1 && runs === 1 && HANDLED.has(event!.status)) processedOnce++;
  }
  return { acknowledged: acknowledged.size, processedOnce, lost, duplicates, undelivered: deliveries.filter((delivery) => delivery.state === "failed").length };
}

/** The shop's Shopify-derived state: what two runs of one seed must agree on (also e2e/replay-chaos.test.ts). */
export async function canonicalDump(database: Database, shop = SHOP): Promise<string> {
  const prisma = database.prisma;
  const orders = await prisma.order.findMany({
    where: { shop },
    orderBy: { id: "asc" },
    select: { id: true, name: true, email: true, financialStatus: true, fulfillmentStatus: true, cancelledAt: true, closedAt: true, processedAt: true, shopifyUpdatedAt: true },
  });
  const shipments = await prisma.shipment.findMany({
    where: { shop },
    orderBy: [{ fulfillmentId: "asc" }, { trackingNumber: "asc" }],
    select: { id: true, orderId: true, fulfillmentId: true, trackingNumber: true, carrier: true, status: true, statusAt: true, shippedAt: true, deliveredAt: true },
  });
  const trackingNumberOf = new Map(shipments.map((shipment) => [shipment.id, shipment.trackingNumber]));
  const scans = (await prisma.trackingEvent.findMany({ where: { shop }, select: { shipmentId: true, fulfillmentId: true, source: true, externalId: true, status: true, happenedAt: true } }))
    .map(({ shipmentId, ...scan }) => ({ ...scan, trackingNumber: shipmentId ? trackingNumberOf.get(shipmentId) : null }))
    .sort((a, b) => `${a.source}:${a.externalId}`.localeCompare(`${b.source}:${b.externalId}`));
  return JSON.stringify({ orders, shipments: shipments.map(({ id: _id, ...shipment }) => shipment), scans }, null, 1);
}

/** The job worker as its own process, with a short lease so a killed worker's jobs are taken over quickly. */
function startWorkerProcess(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "bench/crash.ts", "--worker"], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

async function runWorker(): Promise<void> {
  const { database } = await import("../app/db.server");
  const { jobDefinitions } = await import("../app/jobs/handlers.server");
  const { startWorker } = await import("../app/jobs/worker.server");
  startWorker({ database: database(), handlers: jobDefinitions, concurrency: 4, leaseMs: WORKER_LEASE_MS, pollIntervalMs: 100 });
}

async function killProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid!, "SIGKILL");
  await exited;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const full = process.argv.includes("--full");
  const result = await runCrashScenario({ orders: full ? 200 : 40, kills: full ? 12 : 3, seed: 7, shopifyNow: new Date(), settleTimeoutMs: full ? 600_000 : 120_000 });
  const { kills, acknowledged, processedOnce, lost, duplicates } = result;
  console.log(JSON.stringify({ bench: "crash", kills, acknowledged, processedOnce, lost, duplicates }));
  if (lost || duplicates || processedOnce !== acknowledged || result.undelivered) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await (process.argv.includes("--worker") ? runWorker() : main());
}
