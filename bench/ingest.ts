/**
 * `npm run bench:ingest [-- --full]`: signed-webhook intake throughput and acknowledgement latency, on
 * SQLite and PostgreSQL, against the production build over loopback. Every acknowledged webhook is then
 * counted in the inbox: a 200 that was not stored would be a lost event.
 * Targets (issue 2): ≥ 3,000/s on SQLite, ≥ 2,000/s on PostgreSQL, p99 ≤ 50 ms, on 2 cores.
 */
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { createDatabase } from "../app/db.server";
import { migrate } from "../app/db/migrate.server";
import { startBuiltApp } from "../scripts/lib/app-server";
import { orderBodies, signWebhook } from "./lib/webhooks";
import { dropDatabase, benchDatabaseUrl, type BenchDb } from "./lib/databases";

const full = process.argv.includes("--full");
const durationSeconds = full ? 60 : 10;
// JIT, connection pools and SQLite's page cache warm up first; the warm-up's requests are not counted.
const warmUpSeconds = full ? 15 : 8;
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const secret = "bench-secret";
const shop = "bench-outfitters.myshopify.com";

interface Figures {
  db: BenchDb;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
  acknowledged: number;
  stored: number;
  errors: number;
}

async function measure(db: BenchDb): Promise<Figures> {
  const url = benchDatabaseUrl(db, "ingest");
  await migrate(url);
  const app = await startBuiltApp({
    DATABASE_URL: url,
    SHOPIFY_API_KEY: "bench-key",
    SHOPIFY_API_SECRET: secret,
    WORKER_IN_PROCESS: "false",
    LOG_LEVEL: "warn",
  });
  try {
    const bodies = orderBodies(500).map((body) => signWebhook(body, "orders/create", shop, secret));
    let next = 0;
    const load = (duration: number) =>
      autocannon({
        url: `${app.url}/webhooks/orders/create`,
        method: "POST",
        connections,
        duration,
        requests: [
          {
            setupRequest: (request) => {
              const webhook = bodies[next++ % bodies.length]!;
              return { ...request, body: webhook.body, headers: { ...webhook.headers, "x-shopify-webhook-id": randomUUID() } };
            },
          },
        ],
      });
    await load(warmUpSeconds);
    const before = await storedEvents(url);
    const result = await load(durationSeconds);
    const stored = (await storedEvents(url)) - before;
    return {
      db,
      perSecond: Math.round(result["2xx"] / durationSeconds),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      p999Ms: result.latency.p99_9,
      acknowledged: result["2xx"],
      stored,
      errors: result.errors + result.non2xx,
    };
  } finally {
    await app.stop();
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
      `acknowledged ${measured.acknowledged}, stored ${measured.stored}, errors ${measured.errors}`,
  );
  if (measured.stored < measured.acknowledged) console.log(`LOST EVENTS on ${db}: ${measured.acknowledged - measured.stored}`);
}
console.log(
  JSON.stringify({ bench: "ingest", full, durationSeconds, connections, results: figures.map(({ db, perSecond, p50Ms, p99Ms, p999Ms }) => ({ db, perSecond, p50Ms, p99Ms, p999Ms })) }),
);
