/**
 * `npm run demo [-- --keep] [-- --orders <n>]`: the app on a fresh SQLite database next to the local Shopify
 * stand-in, installed the way Shopify installs it, with a realistic store whose history reaches the app as
 * real signed webhooks. Prints where to look, then runs until Ctrl-C. Works offline on a fresh clone.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createDatabase, type Database } from "../app/db.server";
import { migrate } from "../app/db/migrate.server";
import { backfillDeliveryEstimates } from "../app/delivery-estimates/live/backfill.server";
import { seedDemoOffers } from "./lib/demo-offers";
import { installApp } from "./lib/install";
import { preferredOrFreePort } from "./lib/ports";
import { REPO_ROOT } from "./lib/repo-root";
import { isSettled, waitUntilSettled, type SettleProgress } from "./lib/settle";
import { startStack, type Stack } from "./lib/stack";
import { formatSummary, summariseApp } from "./lib/summary";

const SHOP = "demo-outfitters.myshopify.com";
const DATA_DIR = join(REPO_ROOT, ".data");
const DATABASE_FILE = join(DATA_DIR, "demo.db");
const APP_LOG = join(DATA_DIR, "demo-app.log");
const SETTLE_TIMEOUT_MS = 5 * 60_000;

const options = z
  .object({
    keep: z.boolean().default(false),
    orders: z.coerce.number().int().min(1).max(5_000).default(240),
    days: z.coerce.number().int().min(1).max(365).default(30),
  })
  .parse(parseArgs({ options: { keep: { type: "boolean" }, orders: { type: "string" }, days: { type: "string" } } }).values);

const show = (path: string) => relative(process.cwd(), path) || path;
const step = (message: string) => console.log(`• ${message}`);

async function prepareDatabase(url: string): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  if (!options.keep) for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) rmSync(file, { force: true });
  const applied = await migrate(url, REPO_ROOT);
  step(`${options.keep ? "Kept" : "Created"} ${show(DATABASE_FILE)} (${applied.length} migration(s) applied)`);
}

// Offline tokens in a kept database came from the previous run's stand-in, which is gone; opening the app
// without them makes it exchange a fresh one, as after a reinstall.
async function forgetStaleSessions(database: Database): Promise<void> {
  const { count } = await database.prisma.session.deleteMany({ where: { shop: SHOP } });
  if (count) step(`Dropped ${count} session(s) issued by the previous run's stand-in`);
}

function progressLine(progress: SettleProgress): string {
  return (
    `  ${Math.round(progress.elapsedMs / 1000)} s: webhooks delivered ${progress.webhooksSent}/${progress.webhooksTotal}, ` +
    `waiting in the app's inbox ${progress.unprocessedWebhooks}, jobs pending ${progress.pendingJobs}`
  );
}

// A terminal gets one line rewritten in place; a log file gets a line every few seconds.
function reportProgress(): (progress: SettleProgress) => void {
  const interactive = process.stdout.isTTY;
  let lastPrinted = -Infinity;
  return (progress) => {
    const done = isSettled(progress);
    if (!done && progress.elapsedMs - lastPrinted < (interactive ? 250 : 5_000)) return;
    lastPrinted = progress.elapsedMs;
    if (interactive) process.stdout.write(`\r\x1b[2K${progressLine(progress)}${done ? "\n" : ""}`);
    else console.log(progressLine(progress));
  };
}

/** One open order's current promise, to show the EDD the demo orders carry. */
async function examplePromise(database: Database): Promise<{ orderName: string; range: string; stage: string } | null> {
  const promise = await database.prisma.deliveryPromise.findFirst({ where: { shop: SHOP }, orderBy: { madeAt: "desc" } });
  if (!promise) return null;
  const order = await database.prisma.order.findUnique({ where: { shop_id: { shop: SHOP, id: promise.orderId } }, select: { name: true } });
  const range = promise.earliestDate < promise.promisedDate ? `${promise.earliestDate} – ${promise.promisedDate}` : promise.promisedDate;
  return { orderName: order?.name ?? promise.orderId, range, stage: promise.stage };
}

async function main(): Promise<void> {
  const url = `file:${DATABASE_FILE}`;
  await prepareDatabase(url);
  const database = createDatabase(url);
  let stack: Stack | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await stack?.stop();
    await database.close();
    process.exit(code);
  };
  // Handled (not just once) so an impatient second Ctrl-C cannot kill the demo before the app has stopped.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (!stopping) console.log("\nStopping the app and the stand-in…");
      void stop(0);
    });
  }
  try {
    if (options.keep) await forgetStaleSessions(database);
    writeFileSync(APP_LOG, "");
    const [appPort, standInPort] = [await preferredOrFreePort(3000), await preferredOrFreePort(3457)];
    stack = await startStack({
      databaseUrl: url,
      shop: SHOP,
      appPort,
      standInPort,
      appLogFile: APP_LOG,
      onBuild: () => step("Building the app (build/ is missing or older than its sources)…"),
    });
    step(`Started the Shopify stand-in at ${stack.standIn.url} and the app at ${stack.app.url}`);

    await installApp(stack);
    step(`Installed the app on ${SHOP}: its first load from the admin exchanged the session token and ran afterAuth`);

    const seeded = await stack.standIn.seed({ shop: SHOP, orders: options.orders, days: options.days });
    step(`Seeded the store: ${seeded.products} products, ${seeded.customers} customers, ${seeded.orders} orders over ${options.days} days; waiting for the app…`);
    const settled = await waitUntilSettled({ standIn: stack.standIn, client: database.prisma, shop: SHOP, timeoutMs: SETTLE_TIMEOUT_MS, onProgress: reportProgress() });
    step(`The stand-in delivered ${settled.webhooksSent} signed webhooks; the app had processed them all after ${Math.round(settled.elapsedMs / 1000)} s`);

    const estimates = await backfillDeliveryEstimates(database.prisma, SHOP);
    step(`Delivery estimates: trained on ${estimates.history} delivered parcels; ${estimates.promised} more promises made, ${estimates.quotes} storefront quotes precomputed`);
    const example = await examplePromise(database);
    if (example) step(`  e.g. order ${example.orderName}: ${example.range} (${example.stage} promise, shown on its tracking page, order-status block and emails)`);

    const offers = await seedDemoOffers(database.prisma, SHOP, stack.controlApiUrl);
    step(`Offers: ${offers.join(", ")} (shown on the thank-you page, order-status block and tracking page; results under Offers)`);

    const summary = await summariseApp(database.prisma, SHOP);
    console.log(`
Aftercare demo is running.

  Shopify admin with the app (open this): ${stack.adminUrl}
  Thank-you / order-status pages:         ${stack.standIn.url}/${SHOP}/checkout-surfaces  (the offer extensions, live)
  App health:                             ${stack.healthUrl}
  Stand-in control API:                   ${stack.controlApiUrl}/health  (webhooks: ${stack.controlApiUrl}/webhooks)
  App log:                                ${show(APP_LOG)}
  Database (SQLite):                      ${show(DATABASE_FILE)}

${summary.shopName ?? SHOP} (${SHOP}), as the app counted it:
${formatSummary(summary)
  .map((line) => `  ${line}`)
  .join("\n")}

Press Ctrl-C to stop.`);
  } catch (error) {
    console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  }
}

await main();
