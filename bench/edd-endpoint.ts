/**
 * `npm run bench:edd-endpoint [-- --db sqlite|postgres] [-- --samples <n>] [-- --regions <n>]`: server time of the
 * storefront "Get it by" endpoint (/apps/track/edd through the verified app proxy: signature check, offline-session
 * look-up, the shop's precomputed quote from the process cache, JSON). The shop's delivery history is generated,
 * its quotes precomputed (refreshShopQuotes, timed separately), then requests for random destinations are timed
 * in-process without the network. Prints p50/p95/p99 per database; the last line is one JSON object.
 * Target (issue 6): ≤ 10 ms server time.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { appProxySignature } from "../sim/proxy/app-proxy";
import { benchDatabaseUrl, dropDatabase, type BenchDb } from "./lib/databases";

const SECRET = "bench-edd-secret";
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
const { refreshShopQuotes } = await import("../app/delivery-estimates/live/quotes.server");
const { loader } = await import("../app/routes/proxy.edd");

const options = z
  .object({
    db: z.enum(["sqlite", "postgres"]).optional(),
    samples: z.coerce.number().int().min(10).max(100_000).default(2_000),
    regions: z.coerce.number().int().min(1).max(500).default(50),
    history: z.coerce.number().int().min(0).max(200_000).default(5_000),
  })
  .parse(parseArgs({ options: { db: { type: "string" }, samples: { type: "string" }, regions: { type: "string" }, history: { type: "string" } } }).values);

const SHOP = "bench-edd.myshopify.com";
const COUNTRIES = ["US", "CA", "GB", "DE", "FR"];
const WARM_UP = 100;
const DAY = 86_400_000;

function percentile(sorted: number[], p: number): number {
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(3));
}

function signedRequest(country: string, region: string): Request {
  const params = new URLSearchParams({ country, region, variant: "44012345678901", shop: SHOP, logged_in_customer_id: "", path_prefix: "/apps/track", timestamp: String(Math.floor(Date.now() / 1000)) });
  params.set("signature", appProxySignature(SECRET, params));
  return new Request(`https://aftercare.bench.example/proxy/edd?${params}`);
}

async function measure(db: BenchDb) {
  const url = benchDatabaseUrl(db, "edd_endpoint");
  await migrate(url);
  const database = createDatabase(url);
  setDatabase(database);
  try {
    const prisma = database.prisma;
    await prisma.shop.create({ data: { shop: SHOP, name: "Bench EDD", ianaTimezone: "America/New_York" } });
    await prisma.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: "bench-token", scope: "read_orders" } });
    const regionOf = (index: number) => ({ country: COUNTRIES[index % COUNTRIES.length]!, region: `R${index % options.regions}` });
    const now = Date.now();
    const rows = Array.from({ length: options.history }, (_, index) => {
      const placedAt = new Date(now - 120 * DAY + index * ((110 * DAY) / Math.max(1, options.history)));
      const handedOffAt = new Date(placedAt.getTime() + (1 + (index % 3)) * DAY);
      const { country, region } = regionOf(index);
      return {
        shop: SHOP,
        shipmentId: `s${index}`,
        orderId: `gid://shopify/Order/${index}`,
        originId: "default",
        originCountry: country,
        destinationCountry: country,
        destinationRegion: region,
        carrier: index % 2 ? "ups" : "usps",
        placedAt,
        handedOffAt,
        deliveredAt: new Date(handedOffAt.getTime() + (2 + (index % 5)) * DAY),
      };
    });
    for (let start = 0; start < rows.length; start += 1_000) await prisma.deliveryObservation.createMany({ data: rows.slice(start, start + 1_000) });
    const precomputeStarted = performance.now();
    const { quotes } = await refreshShopQuotes(prisma, SHOP);
    const precomputeMs = Number((performance.now() - precomputeStarted).toFixed(1));
    console.log(`${db}: ${rows.length.toLocaleString()} deliveries, ${quotes} quotes precomputed in ${precomputeMs} ms`);

    const timings: number[] = [];
    for (let index = 0; index < WARM_UP + options.samples; index++) {
      const { country, region } = regionOf(Math.floor(Math.random() * options.regions * COUNTRIES.length));
      const request = signedRequest(country, region);
      const begin = performance.now();
      const response = await loader({ request, params: {}, context: {} });
      const body = (await response.json()) as { estimate: unknown };
      const elapsed = performance.now() - begin;
      if (response.status !== 200 || !body.estimate) throw new Error(`the endpoint answered ${response.status} without an estimate`);
      if (index >= WARM_UP) timings.push(elapsed);
    }
    timings.sort((a, b) => a - b);
    const figures = { db, deliveries: rows.length, quotes, precomputeMs, p50Ms: percentile(timings, 50), p95Ms: percentile(timings, 95), p99Ms: percentile(timings, 99) };
    console.log(`${db}: ${timings.length} requests — p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms, p99 ${figures.p99Ms} ms`);
    return figures;
  } finally {
    setDatabase(undefined);
    await database.close();
    await dropDatabase(url);
  }
}

const results = [];
for (const db of options.db ? [options.db] : (["sqlite", "postgres"] as const)) results.push(await measure(db));
console.log(JSON.stringify({ bench: "edd-endpoint", results }));
