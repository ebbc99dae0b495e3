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
  SCOPES: z.string().min(1).default("read_orders,write_orders,read_fulfillments,read_customers,read_products,read_returns,write_returns,write_discounts,write_draft_orders"),
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
  /** Where shoppers' return photos are kept (app/returns/photo-store.server.ts); created when missing. */
  RETURN_PHOTOS_DIR: z.string().min(1).default("./.data/return-photos"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Run the job worker inside the web process (the default for a single machine). */
  WORKER_IN_PROCESS: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  /**
   * Jobs run at once per worker process. Most jobs wait on the network (SMTP, Twilio, Shopify) far longer than they
   * compute, so several in flight keep a core busy; notification sends are capped by it against a remote SMTP server.
   */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(16),
  /**
   * Where notification emails go (app/notifications): smtp://user:pass@host:port or smtps://…. Unset means email is
   * not configured: email notifications are recorded as suppressed with that reason, never silently dropped.
   */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL (e.g. smtp://user:pass@mail.example.com:587)" }).optional(),
  /** The From address of notification emails (the merchant's sender name is shown with it). Required with SMTP_URL. */
  MAIL_FROM: z.email("must be an email address such as notifications@example.com").optional(),
  /** Twilio-compatible SMS (app/notifications/sms): all of SID, token and one sender, or none (SMS not configured). */
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, "must be a Twilio Account SID (AC + 32 hex digits)").optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16, "must be the account's auth token").optional(),
  TWILIO_FROM_NUMBER: z.string().regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 phone number like +14155550100").optional(),
  TWILIO_MESSAGING_SERVICE_SID: z.string().regex(/^MG[0-9a-fA-F]{32}$/, "must be a Messaging Service SID (MG + 32 hex digits)").optional(),
  /** The Twilio API's origin; tests and the demo point it at a local fake that speaks the same wire format. */
  TWILIO_API_URL: z.url().default("https://api.twilio.com"),
  /** App-wide EasyPost API key for return labels, used for shops that have not entered their own (Returns settings). */
  EASYPOST_API_KEY: z.string().regex(/^[A-Za-z0-9_-]{8,200}$/, "must be an EasyPost API key").optional(),
  /** EasyPost's API origin; tests and the demo point it at a local fake that speaks the same wire format. */
  EASYPOST_API_URL: z.url().default("https://api.easypost.com"),
});

export type Env = z.infer<typeof envSchema>;

// Half a mail or SMS configuration is a typo, not a choice: fail at start instead of at the first send.
function requireCompleteMessagingConfig(config: Env, context: z.RefinementCtx): void {
  if (config.SMTP_URL && !config.MAIL_FROM) {
    context.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "is required when SMTP_URL is set" });
  }
  const twilio = [config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN];
  const sender = config.TWILIO_FROM_NUMBER ?? config.TWILIO_MESSAGING_SERVICE_SID;
  if (twilio.some(Boolean) && !(twilio.every(Boolean) && sender)) {
    context.addIssue({
      code: "custom",
      path: ["TWILIO_ACCOUNT_SID"],
      message: "SMS needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID together",
    });
  }
}

/** Parses an environment, throwing one error that lists every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.superRefine(requireCompleteMessagingConfig).safeParse(source);
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
