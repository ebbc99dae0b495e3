/**
 * `npm run bench:tracking-page [-- --full] [-- --db sqlite|postgres] [-- --samples <n>]`: server time of the
 * branded tracking page (a signed link through the verified app proxy: signature check, session look-up, the
 * order's queries, rendering, the view count) on SQLite and PostgreSQL holding 20,000 shipments (quick) or
 * 1,000,000 (--full), generated in bulk; then the same for the order-status block's API (/api/order-status with
 * a customer-account session token: token check, the order's parcels, timelines and promises, JSON). Timed
 * in-process, without the network; prints p50/p95/p99 per database and surface and one JSON line.
 * Target (issues 3 and 7): p95 ≤ 50 ms.
 */
import { parseArgs } from "node:util";
import { SignJWT } from "jose";
import { z } from "zod";
import { appProxySignature } from "../sim/proxy/app-proxy";
import { benchDatabaseUrl, dropDatabase, type BenchDb } from "./lib/databases";
import { generateTrackingData } from "./lib/tracking-data";

const SECRET = "bench-tracking-secret";
// The app reads its configuration once, at import: set it before loading any app module.
Object.assign(process.env, {
  SHOPIFY_API_KEY: "bench-key",
  SHOPIFY_API_SECRET: SECRET,
  SHOPIFY_APP_URL: "https://aftercare.bench.example",
  LOG_LEVEL: "silent",
  NODE_ENV: "production",
});
const { createDatabase, setDatabase } = await import("../app/db.server");
const { migrate } = await import("../app/db/migrate.server");
const { signOrderLink } = await import("../app/tracking-page/signed-links.server");
const { showOrderPage } = await import("../app/tracking-page/tracking-page.server");
const { loader: orderStatusLoader } = await import("../app/routes/api.order-status");

const options = z
  .object({
    full: z.boolean().default(false),
    db: z.enum(["sqlite", "postgres"]).optional(),
    samples: z.coerce.number().int().min(10).max(100_000).default(2_000),
  })
  .parse(parseArgs({ options: { full: { type: "boolean" }, db: { type: "string" }, samples: { type: "string" } } }).values);

const SHOP = "bench-outfitters.myshopify.com";
const SHIPMENTS = options.full ? 1_000_000 : 20_000;
const WARM_UP = 200;

interface Figures {
  db: BenchDb;
  shipments: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** The order-status block's API over the same data. */
  api: { p50Ms: number; p95Ms: number; p99Ms: number };
}

function percentile(sorted: number[], p: number): number {
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(2));
}

function signedProxyRequest(token: string): Request {
  const params = new URLSearchParams({ shop: SHOP, logged_in_customer_id: "", path_prefix: "/apps/track", timestamp: String(Math.floor(Date.now() / 1000)) });
  params.set("signature", appProxySignature(SECRET, params));
  return new Request(`https://aftercare.bench.example/proxy/o/${token}?${params}`, {
    headers: { "user-agent": "Mozilla/5.0 (bench)", "x-forwarded-for": "203.0.113.9", "accept-language": "en-US,en;q=0.8" },
  });
}

/** What the customer-account extension sends: its session token (HS256, the app's secret) as a bearer. */
async function orderStatusRequest(orderNumber: number): Promise<Request> {
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ dest: SHOP, sub: `gid://shopify/Customer/${orderNumber}` })
    .setProtectedHeader({ alg: "HS256" })
    .setAudience("bench-key")
    .setIssuedAt(now)
    .setNotBefore(now - 5)
    .setExpirationTime(now + 300)
    .setJti(crypto.randomUUID())
    .sign(new TextEncoder().encode(SECRET));
  const url = new URL("https://aftercare.bench.example/api/order-status");
  url.searchParams.set("orderId", `gid://shopify/Order/${orderNumber}`);
  return new Request(url, { headers: { Origin: "https://extensions.shopifycdn.com", Authorization: `Bearer ${token}` } });
}

async function timeApi(orders: number): Promise<number[]> {
  const timings: number[] = [];
  for (let index = 0; index < WARM_UP + options.samples; index++) {
    const request = await orderStatusRequest(1 + Math.floor(Math.random() * orders));
    const begin = performance.now();
    const response = await orderStatusLoader({ request, params: {}, context: {} });
    await response.text();
    const elapsed = performance.now() - begin;
    if (response.status !== 200) throw new Error(`the order-status API answered ${response.status}`);
    if (index >= WARM_UP) timings.push(elapsed);
  }
  return timings.sort((a, b) => a - b);
}

async function measure(db: BenchDb): Promise<Figures> {
  const url = benchDatabaseUrl(db, "tracking_page");
  await migrate(url);
  const database = createDatabase(url);
  setDatabase(database);
  try {
    const started = Date.now();
    await database.prisma.shop.create({
      data: {
        shop: SHOP,
        name: "Bench Outfitters",
        email: "help@bench.example",
        ianaTimezone: "America/New_York",
        currencyCode: "USD",
        settings: JSON.stringify({ trackingPage: { marketing: { enabled: true, bannerText: "New season", bannerUrl: "https://bench.example/new", discountCode: "THANKS10" } } }),
      },
    });
    const shape = await generateTrackingData(database, SHOP, SHIPMENTS);
    console.log(`${db}: ${shape.orders.toLocaleString()} orders, ${shape.shipments.toLocaleString()} shipments, ${shape.events.toLocaleString()} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const tokens = await Promise.all(
      Array.from({ length: WARM_UP + options.samples }, () =>
        signOrderLink({ shop: SHOP, orderId: `gid://shopify/Order/${1 + Math.floor(Math.random() * shape.orders)}` }),
      ),
    );
    const timings: number[] = [];
    for (const [index, token] of tokens.entries()) {
      const request = signedProxyRequest(token);
      const begin = performance.now();
      const response = await showOrderPage(request, token);
      await response.text();
      const elapsed = performance.now() - begin;
      if (response.status !== 200) throw new Error(`the page answered ${response.status}`);
      if (index >= WARM_UP) timings.push(elapsed);
    }
    timings.sort((a, b) => a - b);
    const apiTimings = await timeApi(shape.orders);
    const api = { p50Ms: percentile(apiTimings, 50), p95Ms: percentile(apiTimings, 95), p99Ms: percentile(apiTimings, 99) };
    const figures = { db, shipments: shape.shipments, p50Ms: percentile(timings, 50), p95Ms: percentile(timings, 95), p99Ms: percentile(timings, 99), api };
    console.log(`${db}: ${timings.length} pages — p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms, p99 ${figures.p99Ms} ms`);
    console.log(`${db}: ${apiTimings.length} order-status API calls — p50 ${api.p50Ms} ms, p95 ${api.p95Ms} ms, p99 ${api.p99Ms} ms`);
    return figures;
  } finally {
    setDatabase(undefined);
    await database.close();
    await dropDatabase(url);
  }
}

const results: Figures[] = [];
for (const db of options.db ? [options.db] : (["sqlite", "postgres"] as const)) results.push(await measure(db));
console.log(JSON.stringify({ bench: "tracking-page", results }));
