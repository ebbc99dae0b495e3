import { database, db } from "~/db.server";
import { env } from "~/env.server";
import { DomainError, httpStatusOf } from "~/errors";
import { logger } from "~/logger.server";
import { readBodyWithinLimit } from "./body-limit";
import { missingWebhookHeaders, type WebhookDelivery } from "./delivery";
import { createGroupCommit } from "./group-commit";
import { storeWebhookEvents, type InboxOutcome } from "./inbox.server";
import { verifyWebhookDelivery } from "./verify.server";

let groupCommit: ((delivery: WebhookDelivery) => Promise<InboxOutcome>) | undefined;

// Concurrent deliveries share a transaction (one commit) instead of queueing one by one for SQLite's single
// writer or PostgreSQL round trips. Created on first use, when the database is known; db() is read per flush.
function storeDelivery(delivery: WebhookDelivery): Promise<InboxOutcome> {
  groupCommit ??= createGroupCommit((deliveries: WebhookDelivery[]) => storeWebhookEvents(db(), deliveries), {
    maxBatch: 32,
    maxConcurrent: database().provider === "sqlite" ? 1 : 4,
  });
  return groupCommit(delivery);
}

/**
 * The webhook endpoint: bounds the body, verifies it with the Shopify library, stores it with its processing
 * job in one transaction, and answers 200 only once that has committed. Rejected requests leave no trace in
 * the database; they are logged with status, topic, shop and reason, never the body.
 */
export async function receiveWebhook(request: Request): Promise<Response> {
  if (request.method !== "POST") return reject(request, 405, "method not allowed");
  try {
    const body = await readBodyWithinLimit(request, env().WEBHOOK_MAX_BODY_BYTES);
    const delivery = verifyWebhookDelivery(request, body);
    const outcome = await storeDelivery(delivery);
    if (outcome !== "stored") logger.info({ topic: delivery.topic, shop: delivery.shop, outcome }, "webhook not queued");
    return new Response(null, { status: 200 });
  } catch (error) {
    if (error instanceof Response) return reject(request, error.status, libraryRejectionReason(error.status, request.headers));
    if (error instanceof DomainError) return reject(request, httpStatusOf(error), error.message);
    throw error;
  }
}

function libraryRejectionReason(status: number, headers: Headers): string {
  if (status === 401) return "invalid hmac";
  const missing = missingWebhookHeaders(headers);
  return missing.length ? `missing headers: ${missing.join(", ")}` : "invalid delivery (empty body or headers)";
}

function reject(request: Request, status: number, reason: string): Response {
  logger.warn(
    { status, reason, topic: headerForLog(request.headers, "x-shopify-topic"), shop: headerForLog(request.headers, "x-shopify-shop-domain") },
    "webhook rejected",
  );
  return new Response(null, { status, ...(status === 405 ? { headers: { Allow: "POST" } } : {}) });
}

// Unverified header values: bounded so a forged request cannot flood the logs.
function headerForLog(headers: Headers, name: string): string | undefined {
  return headers.get(name)?.slice(0, 100) ?? undefined;
}
