/**
 * `npm run bench:ingest [-- --full]`: signed-webhook intake throughput and acknowledgement latency, on
 * SQLite and PostgreSQL, against the production build over loopback. Every acknowledged webhook is then
 * counted in the inbox: a 200 that was not stored would be a lost event.
 * Then, with job workers running, a fixed rate (`--rate`, default 1,000/s) measures the lag from each
 * webhook's send time (its X-Shopify-Triggered-At) to its processed state in the database.
 * Targets (issues 2 and 7): ≥ 3,000/s on SQLite, ≥ 2,000/s on PostgreSQL, p99 ack ≤ 50 ms, p99 event→state
 * ≤ 2 s at 1,000/s, on 2 cores. Each database runs as it is deployed: PostgreSQL with WEB_CONCURRENCY server
 * processes (BENCH_WEB_PROCESSES, default 2) and separate `npm run worker` processes (BENCH_WORKERS, default 2);
 * SQLite, whose single writer makes a second process wait on file locks, as one process with its worker inside.
 * The fixed-rate run gets a fresh database and app, so the max-rate run's backlog does not count against it.
 */
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { createDatabase } from "../app/db.server";
import { migrate } from "../app/db/migrate.server";
import { startBuiltApp } from "../scripts/lib/app-server";
import { orderBodies, signWebhook } from "./lib/webhooks";
import { dropDatabase, benchDatabaseUrl, type BenchDb } from "./lib/databases";
import { startWorkerProcesses, stopWorkerProcesses, waitForWebhookJobsDrained } from "./lib/workers";

const full = process.argv.includes("--full");
const durationSeconds = full ? 60 : 10;
const lagRate = Number(flagValue("--rate") ?? 1000);
const lagSeconds = full ? 60 : 10;
// JIT, connection pools and SQLite's page cache warm up first; the warm-up's requests are not counted.
const warmUpSeconds = full ? 15 : 8;
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const secret = "bench-secret";
const shop = "bench-outfitters.myshopify.com";

function flagValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

const processesFor = (db: BenchDb) =>
  db === "postgres"
    ? { web: Number(process.env.BENCH_WEB_PROCESSES ?? 2), workers: Number(process.env.BENCH_WORKERS ?? 2), workerInProcess: false }
    : { web: 1, workers: 0, workerInProcess: true };

interface Figures {
  db: BenchDb;
  webProcesses: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
  acknowledged: number;
  stored: number;
  errors: number;
  lag: LagFigures;
}

interface LagFigures {
  rate: number;
  /** Worker processes beside the server; 0 when the worker runs inside it (SQLite). */
  workers: number;
  /** Webhooks acknowledged per second during the fixed-rate run (below `rate` when the server falls behind). */
  ackedPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
  /** Acknowledged webhooks not processed when the run ended (must be 0). */
  unprocessed: number;
}

async function measure(db: BenchDb): Promise<Figures> {
  const url = benchDatabaseUrl(db, "ingest");
  await migrate(url);
  const processes = processesFor(db);
  const app = await startBuiltApp({ ...appEnvFor(url), WORKER_IN_PROCESS: "false", WEB_CONCURRENCY: String(processes.web) });
  let measured;
  try {
    const load = loadGenerator(`${app.url}/webhooks/orders/create`);
    await load({ duration: warmUpSeconds });
    const before = await storedEvents(url);
    const result = await load({ duration: durationSeconds });
    const stored = (await storedEvents(url)) - before;
    measured = { result, stored };
  } finally {
    await app.stop();
    await dropDatabase(url);
  }
  const { result, stored } = measured;
  const lag = await measureLag(db);
  return {
    db,
    webProcesses: processes.web,
    lag,
    perSecond: Math.round(result["2xx"] / durationSeconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    p999Ms: result.latency.p99_9,
    acknowledged: result["2xx"],
    stored,
    errors: result.errors + result.non2xx,
  };
}

const appEnvFor = (url: string) => ({ DATABASE_URL: url, SHOPIFY_API_KEY: "bench-key", SHOPIFY_API_SECRET: secret, LOG_LEVEL: "warn" });

/** Signed `orders/create` deliveries, each with a new webhook id and its send time as Shopify's triggered-at. */
function loadGenerator(url: string) {
  const bodies = orderBodies(500).map((body) => signWebhook(body, "orders/create", shop, secret));
  let next = 0;
  return (options: { duration: number; overallRate?: number }) =>
    autocannon({
      url,
      method: "POST",
      connections,
      ...options,
      requests: [
        {
          setupRequest: (request) => {
            const webhook = bodies[next++ % bodies.length]!;
            const headers = { ...webhook.headers, "x-shopify-webhook-id": randomUUID(), "x-shopify-triggered-at": new Date().toISOString() };
            return { ...request, body: webhook.body, headers };
          },
        },
      ],
    });
}

/**
 * Webhooks arrive at `lagRate` for `lagSeconds` at a fresh app with its workers running; each event's lag is its
 * processedAt minus its send time (after the run, the queue is given a minute to drain).
 */
async function measureLag(db: BenchDb): Promise<LagFigures> {
  const url = benchDatabaseUrl(db, "lag");
  await migrate(url);
  const processes = processesFor(db);
  const env = { ...appEnvFor(url), WORKER_IN_PROCESS: String(processes.workerInProcess) };
  const app = await startBuiltApp({ ...env, WEB_CONCURRENCY: String(processes.web) });
  const database = createDatabase(url);
  const workers = startWorkerProcesses({ ...env, SHOPIFY_APP_URL: app.url }, processes.workers);
  const workerCount = processes.workers;
  try {
    const load = loadGenerator(`${app.url}/webhooks/orders/create`);
    const startedAt = new Date();
    const result = await load({ duration: lagSeconds, overallRate: lagRate });
    await waitForWebhookJobsDrained(database, shop, workers, 60_000).catch(() => undefined);
    const events = await database.prisma.webhookEvent.findMany({
      where: { shop, receivedAt: { gte: startedAt } },
      select: { triggeredAt: true, processedAt: true },
    });
    const lags = events
      .filter((event) => event.processedAt && event.triggeredAt)
      .map((event) => event.processedAt!.getTime() - event.triggeredAt!.getTime())
      .sort((a, b) => a - b);
    const at = (quantile: number) => lags[Math.min(lags.length - 1, Math.floor(quantile * lags.length))] ?? NaN;
    return {
      rate: lagRate,
      workers: workerCount,
      ackedPerSecond: Math.round(result["2xx"] / lagSeconds),
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      p999Ms: at(0.999),
      unprocessed: events.length - lags.length,
    };
  } finally {
    await stopWorkerProcesses(workers);
    await app.stop();
    await database.close();
    await dropDatabase(url);
  }
}

// A connection of our own stays open only for the count: an idle reader beside the server would be load the
// production server never has (on SQLite it can also hold back WAL checkpoints).
async function storedEvents(url: string): Promise<number> {
  const database = createDatabase(url);
  try {
    return await database.prisma.webhookEvent.count({ where: { shop } });
  } finally {
    await database.close();
  }
}

const figures: Figures[] = [];
for (const db of ["sqlite", "postgres"] as const) {
  const measured = await measure(db);
  figures.push(measured);
  console.log(
    `${db.padEnd(8)} ${measured.perSecond}/s  p50 ${measured.p50Ms} ms  p99 ${measured.p99Ms} ms  p99.9 ${measured.p999Ms} ms  ` +
      `acknowledged ${measured.acknowledged}, stored ${measured.stored}, errors ${measured.errors} ` +
      `(${measured.webProcesses} server process${measured.webProcesses > 1 ? "es" : ""})`,
  );
  const { lag } = measured;
  console.log(
    `${"".padEnd(8)} event→state at ${lag.rate}/s (${lag.ackedPerSecond}/s acknowledged, ${lag.workers ? `${lag.workers} worker processes` : "worker in the server"}): ` +
      `p50 ${lag.p50Ms} ms  p99 ${lag.p99Ms} ms  p99.9 ${lag.p999Ms} ms  unprocessed ${lag.unprocessed}`,
  );
  if (measured.stored < measured.acknowledged) console.log(`LOST EVENTS on ${db}: ${measured.acknowledged - measured.stored}`);
}
console.log(
  JSON.stringify({ bench: "ingest", full, durationSeconds, connections, results: figures.map(({ db, webProcesses, perSecond, p50Ms, p99Ms, p999Ms, lag }) => ({
      db,
      webProcesses,
      perSecond,
      p50Ms,
      p99Ms,
      p999Ms,
      lagRate: lag.rate,
      lagAckedPerSecond: lag.ackedPerSecond,
      lagP50Ms: lag.p50Ms,
      lagP99Ms: lag.p99Ms,
      lagP999Ms: lag.p999Ms,
      lagUnprocessed: lag.unprocessed,
    })),
  }),
);
