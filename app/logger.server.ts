import pino from "pino";

/**
 * Structured logs. Shopper PII never reaches a log line: known PII keys are redacted wherever they
 * appear, and callers log ids, not payloads.
 */
const PII_PATHS = ["email", "phone", "first_name", "last_name", "address1", "address2", "name", "firstName", "lastName"];

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { app: "aftercare" },
  redact: { paths: [...PII_PATHS, ...PII_PATHS.map((key) => `*.${key}`)], censor: "[redacted]" },
});

export type Logger = typeof logger;
