/**
 * `npm run bench:notify [-- --full] [-- --db postgres] [-- --rate N --seconds S]`: event-to-inbox latency of
 * shopper notifications (issue 4). Signed EasyPost tracker webhooks move parcels to "out for delivery" at a fixed
 * rate through the production build — carrier webhook intake → carrier update job → shipment state → outbox →
 * send job → SMTP — and a local SMTP server (smtp-server) notes when each shopper's email is accepted. Latency is
 * measured from each event's scheduled send time (so falling behind the rate counts), per message.
 * Quick: 200 events/s for 10 s; --full: 1,000 events/s for 60 s. Target: p99 ≤ 2 s at 1,000/s.
 * `--workers N` runs the job worker in N separate `npm run worker` processes instead of inside the server: one
 * Node process uses one core, so this is how a deployment puts a second core to work (on SQLite too: WAL lets the
 * server and the workers share the file, writers taking turns).
 * Ends with one JSON line: {"bench":"notify","db":…,"rate":…,"sent":N,"p50Ms":…,"p99Ms":…}.
 */
import { createDatabase } from "../app/db.server";
import { migrate } from "../app/db/migrate.server";
import { startBuiltApp } from "../scripts/lib/app-server";
import { benchDatabaseUrl, dropDatabase, type BenchDb } from "./lib/databases";
import { outForDeliveryWebhook } from "./lib/easypost";
import { keepAlivePoster } from "./lib/http-post";
import { EASYPOST_SECRET, SHOP, seedParcels, shopperAddress, trackingCode } from "./lib/notify-seed";
import { percentile, startSmtpClock } from "./lib/smtp-clock";
import { startWorkerProcesses, stopWorkerProcesses } from "./lib/workers";

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const full = process.argv.includes("--full");
const db: BenchDb = argument("db") === "postgres" ? "postgres" : "sqlite";
const rate = Number(argument("rate") ?? (full ? 1_000 : 200));
const seconds = Number(argument("seconds") ?? (full ? 60 : 10));
const events = Math.round(rate * seconds);
const workerProcesses = Number(argument("workers") ?? 0);
/** After the last event, how long to wait for stragglers before counting them as not sent. */
const DRAIN_TIMEOUT_MS = Number(process.env.BENCH_NOTIFY_DRAIN_MS ?? 60_000);
const SECRET = "bench-notify-secret";


/** Where the missing emails are stuck, by table and status (printed only when some never arrived). */
async function explainShortfall(url: string): Promise<void> {
  const database = createDatabase(url);
  try {
    const tally = (rows: readonly { status: string; _count: { _all: number } }[]) => Object.fromEntries(rows.map((row) => [row.status, row._count._all]));
    const client = database.prisma;
    const updates = await client.carrierUpdate.groupBy({ by: ["status"], where: { shop: SHOP }, _count: { _all: true } });
    console.log("carrier updates:", tally(updates));
    const outbox = await client.notificationMessage.groupBy({ by: ["trigger", "status", "reason"], where: { shop: SHOP }, _count: { _all: true } });
    console.log("outbox:", outbox.map((row) => `${row.trigger} ${row.status}${row.reason ? ` (${row.reason})` : ""}: ${row._count._all}`).join(", "));
    const jobs = await client.job.groupBy({ by: ["status"], where: { shop: SHOP }, _count: { _all: true } });
    console.log("jobs:", tally(jobs));
    const shipments = await client.shipment.groupBy({ by: ["status"], where: { shop: SHOP }, _count: { _all: true } });
    console.log("shipments:", shipments.map((row) => `${row.status}: ${row._count._all}`).join(", "));
    const failed = await client.job.findFirst({ where: { shop: SHOP, lastError: { not: null } }, select: { name: true, lastError: true } });
    if (failed) console.log("a job error:", failed.name, failed.lastError?.slice(0, 300));
  } finally {
    await database.close();
  }
}

async function run(): Promise<void> {
  const url = benchDatabaseUrl(db, "notify");
  await migrate(url);
  const seeding = createDatabase(url);
  const smtp = await startSmtpClock();
  try {
    await seedParcels(seeding.prisma, events);
  } finally {
    await seeding.close();
  }
  const appEnv = { DATABASE_URL: url, SHOPIFY_API_KEY: "bench-key", SHOPIFY_API_SECRET: SECRET, SMTP_URL: smtp.url, MAIL_FROM: "updates@bench.test", LOG_LEVEL: "warn" };
  const app = await startBuiltApp({ ...appEnv, WORKER_IN_PROCESS: String(workerProcesses === 0) });
  const workers = startWorkerProcesses({ ...appEnv, SHOPIFY_APP_URL: app.url }, workerProcesses);
  const scheduledAt: number[] = new Array(events);
  let refused = 0;
  // Why webhooks were refused ("503", "ECONNRESET", …): overload sheds load, a 500 would be a bug.
  const refusals = new Map<string, number>();
  const refuse = (reason: string) => {
    refused++;
    refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
  };
  const poster = keepAlivePoster();
  try {
    const start = Date.now() + 200;
    const inFlight = new Set<Promise<void>>();
    for (let index = 0; index < events; index++) {
      const due = start + (index * 1_000) / rate;
      const wait = due - Date.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      scheduledAt[index] = due;
      const webhook = outForDeliveryWebhook(trackingCode(index), new Date(due), EASYPOST_SECRET);
      const sent = poster
        .post(`${app.url}/carriers/easypost/${SHOP}`, webhook.body, webhook.headers)
        .then((status) => {
          if (status !== 200) refuse(String(status));
        })
        .catch((error: unknown) => refuse(String((error as { code?: string }).code ?? (error as Error).name)))
        .finally(() => inFlight.delete(sent));
      inFlight.add(sent);
    }
    await Promise.all(inFlight);
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (smtp.acceptedAt.size < events - refused && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    if (smtp.acceptedAt.size < events - refused) await explainShortfall(url);
    if (refusals.size) console.log(`refused webhooks by reason: ${JSON.stringify(Object.fromEntries(refusals))}`);
  } finally {
    poster.close();
    await stopWorkerProcesses(workers);
    await app.stop();
    await smtp.close();
    if (process.argv.includes("--keep")) console.log(`kept the database: ${url}`);
    else await dropDatabase(url);
  }
  const latencies = scheduledAt.flatMap((due, index) => {
    const accepted = smtp.acceptedAt.get(shopperAddress(index));
    return accepted === undefined ? [] : [accepted - due];
  });
  const p50Ms = Math.round(percentile(latencies, 50));
  const p99Ms = Math.round(percentile(latencies, 99));
  console.log(`${db} ${rate} events/s for ${seconds} s, ${workerProcesses ? `${workerProcesses} worker processes` : "worker in the server"}: ${latencies.length}/${events} emails accepted (${smtp.messages} messages, ${refused} webhooks refused)  p50 ${p50Ms} ms  p99 ${p99Ms} ms  max ${Math.round(percentile(latencies, 100))} ms`);
  console.log(JSON.stringify({ bench: "notify", db, full, rate, seconds, workers: workerProcesses, events, sent: latencies.length, messages: smtp.messages, refused, p50Ms, p99Ms }));
}

await run();
