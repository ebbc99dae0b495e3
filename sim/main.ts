import { z } from "zod";
import { startStandIn } from "./index.ts";

/** `npm run sim`: the stand-in as a process, configured from the environment. */
const env = z
  .object({
    SHOPIFY_API_KEY: z.string().min(1, "is required (the app's client id)"),
    SHOPIFY_API_SECRET: z.string().min(1, "is required (the app's client secret)"),
    SHOPIFY_APP_URL: z.url("must be the URL the app runs at, e.g. http://127.0.0.1:3000"),
    SIM_PORT: z.coerce.number().int().min(0).max(65535).default(3457),
    SIM_HOST: z.string().default("127.0.0.1"),
    SIM_SHOPS: z
      .string()
      .default("demo-outfitters.myshopify.com")
      .transform((value) => value.split(",").map((s) => s.trim()).filter(Boolean)),
    SIM_SEED: z.enum(["0", "1"]).default("0"),
    SIM_SEED_ORDERS: z.coerce.number().int().positive().default(240),
    SIM_APP_TOML: z.string().optional(),
    SIM_WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  })
  .safeParse(process.env);

if (!env.success) {
  console.error(`Invalid environment:\n${env.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  process.exit(1);
}
const config = env.data;

const standIn = await startStandIn({
  port: config.SIM_PORT,
  host: config.SIM_HOST,
  apiKey: config.SHOPIFY_API_KEY,
  apiSecret: config.SHOPIFY_API_SECRET,
  appUrl: config.SHOPIFY_APP_URL,
  appTomlPath: config.SIM_APP_TOML,
  shops: config.SIM_SHOPS,
  webhookConcurrency: config.SIM_WEBHOOK_CONCURRENCY,
});

console.log(`Shopify stand-in listening on ${standIn.url}`);
for (const shop of config.SIM_SHOPS) console.log(`  admin:  ${standIn.url}/${shop}/admin/apps/${config.SHOPIFY_API_KEY}`);
console.log(`  app bridge: ${standIn.url}/cdn/app-bridge.js   control API: ${standIn.url}/_sim/health`);

if (config.SIM_SEED === "1") {
  for (const shop of config.SIM_SHOPS) {
    const summary = await standIn.seed({ shop, orders: config.SIM_SEED_ORDERS });
    console.log(`  seeded ${shop}: ${summary.orders} orders, ${summary.customers} customers, ${summary.products} products`);
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void standIn.close().then(() => process.exit(0));
  });
}
