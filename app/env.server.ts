import { z } from "zod";

/**
 * The app's configuration, validated once at start. A missing or invalid variable stops the process with
 * a message naming it, instead of surfacing later as an empty string deep inside a request.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SHOPIFY_API_KEY: z.string().min(1, "is required (the app's client id)"),
  SHOPIFY_API_SECRET: z.string().min(1, "is required (the app's client secret)"),
  SHOPIFY_APP_URL: z.url("must be the public https URL of the app"),
  SCOPES: z.string().min(1).default("read_orders,read_fulfillments,read_customers,read_products,read_returns,write_returns"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgres:// (PostgreSQL)")
    .default("file:./.data/aftercare.db"),
  /** When set, Shopify API traffic for *.myshopify.com goes to this local stand-in instead of Shopify. */
  SHOPIFY_STANDIN_URL: z.url().optional(),
  /** Where App Bridge is loaded from; Shopify's CDN unless a stand-in serves a compatible script. */
  APP_BRIDGE_URL: z.url().optional(),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  WEBHOOK_MAX_BODY_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Run the job worker inside the web process (the default for a single machine). */
  WORKER_IN_PROCESS: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
});

export type Env = z.infer<typeof envSchema>;

/** Parses an environment, throwing one error that lists every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid environment:\n${problems.join("\n")}`);
}

let cached: Env | undefined;

/** The validated environment of this process; exits with the reasons when it is invalid. */
export function env(): Env {
  if (cached) return cached;
  try {
    cached = parseEnv(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  return cached;
}
