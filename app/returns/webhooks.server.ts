import { z } from "zod";
import type { DbClient } from "~/db.server";
import { logger } from "~/logger.server";
import { applyRefundWebhook } from "~/orders/refunds.server";
import { refundFromWebhook } from "~/orders/refund-payload";
import { gid, numericIdAsGid, parsePayload } from "~/orders/payload-fields";
import type { WebhookEventContext, WebhookHandler } from "~/webhooks/handler";
import type { ShopifyJson } from "~/webhooks/payload";
import { canMove, type CaseStatus, reopenedStatus, type ReturnStatus } from "./case-status";
import { addReturnEvent, findCaseByShopifyId, type ReturnEventKind } from "./case-store.server";

/**
 * The returns/* and refunds/create webhooks keep a case true when the merchant acts in Shopify admin. They
 * only move a case forward (an "approve" delivered late never pulls a received parcel back to "open"), ignore
 * events older than the state they know, and add each timeline step once however often a delivery repeats.
 * Returns Aftercare did not create are not tracked.
 */

class ReturnNotRecordedYetError extends Error {}

const returnWebhookSchema = z.object({
  admin_graphql_api_id: gid("Return"),
  order: z.object({ admin_graphql_api_id: gid("Order") }).nullish(),
  order_id: numericIdAsGid("Order").nullish(),
  decline: z.object({ reason: z.string().nullish(), note: z.string().nullish() }).nullish(),
});

interface Transition {
  target: ReturnStatus | "reopen";
  kind: ReturnEventKind;
  text: string;
}

/** The returns topics Aftercare applies (topic-names.ts lists them as applied). */
export const RETURN_TOPICS = ["returns/request", "returns/approve", "returns/decline", "returns/cancel", "returns/close", "returns/reopen"] as const;
export type ReturnTopic = (typeof RETURN_TOPICS)[number];

const TRANSITIONS: Record<ReturnTopic, Transition> = {
  "returns/request": { target: "requested", kind: "requested", text: "Return requested in Shopify" },
  "returns/approve": { target: "open", kind: "approved", text: "Return approved in Shopify admin" },
  "returns/decline": { target: "declined", kind: "declined", text: "Return declined in Shopify admin" },
  "returns/cancel": { target: "cancelled", kind: "cancelled", text: "Return cancelled in Shopify admin" },
  "returns/close": { target: "closed", kind: "closed", text: "Return closed in Shopify admin" },
  "returns/reopen": { target: "reopen", kind: "reopened", text: "Return reopened in Shopify admin" },
};

async function applyReturnWebhook(client: DbClient, shop: string, payload: ShopifyJson, event: WebhookEventContext): Promise<void> {
  const transition = TRANSITIONS[event.topic as ReturnTopic] as Transition | undefined;
  if (!transition) throw new Error(`no return transition for topic ${event.topic}`);
  const body = parsePayload("return", returnWebhookSchema, payload);
  const row = await findCaseByShopifyId(client, shop, body.admin_graphql_api_id);
  if (!row) {
    await ignoreOrWait(client, shop, body.admin_graphql_api_id, body.order?.admin_graphql_api_id ?? body.order_id ?? null);
    return;
  }
  const at = event.triggeredAt ?? event.receivedAt;
  // Our own actions and earlier webhooks stamp shopifyStatusAt; an event from before that is history.
  if (row.shopifyStatusAt && at < row.shopifyStatusAt) return;

  const target: CaseStatus = transition.target === "reopen" ? (row.status === "closed" ? reopenedStatus(row) : (row.status as CaseStatus)) : transition.target;
  const moves = transition.target === "reopen" ? row.status === "closed" : canMove(row.status as CaseStatus, target);
  if (!moves) return;

  const decline = transition.target === "declined" ? body.decline : null;
  const { count } = await client.returnCase.updateMany({
    where: { shop, id: row.id, status: row.status },
    data: {
      status: target,
      shopifyStatusAt: at,
      ...(target === "open" && !row.approvedAt ? { approvedAt: at } : {}),
      ...(target === "closed" ? { closedAt: at } : {}),
      ...(transition.target === "reopen" ? { closedAt: null } : {}),
      ...(decline ? { declineReason: decline.reason?.toUpperCase() ?? null, declineNote: decline.note ?? null } : {}),
    },
  });
  // The handler runs in a serializable transaction: a concurrent move makes it retry rather than lose this one.
  if (count !== 1) throw new Error(`return case ${row.id} changed while applying ${event.topic}`);
  const text = decline?.note ? `${transition.text}: ${decline.note}` : transition.text;
  await addReturnEvent(client, shop, row.id, { kind: transition.kind, text, actor: "shopify", at, dedupeKey: `webhook:${event.id}` });
}

/** A submit or exchange approval holds its case this long at most; an older claim belongs to a crashed process. */
const LIVE_CLAIM_MS = 10 * 60_000;

/**
 * A return we don't know: either not ours (ignored), or ours and Shopify's webhook overtook the write that
 * records its id. The second fails the delivery so the queue retries it after our write has committed — but
 * only while that write can still come: a claim left by a crashed process must not hold back every returns
 * webhook of the order (or shop) until they dead-letter.
 */
async function ignoreOrWait(client: DbClient, shop: string, shopifyReturnId: string, orderId: string | null, now = new Date()): Promise<void> {
  const submitting = await client.returnCase.count({
    where: { shop, status: "submitting", updatedAt: { gte: new Date(now.getTime() - LIVE_CLAIM_MS) }, ...(orderId ? { orderId } : {}) },
  });
  if (submitting > 0) throw new ReturnNotRecordedYetError(`return ${shopifyReturnId} may still be being recorded; retry`);
  logger.info({ shop, shopifyReturnId }, "webhook for a return Aftercare did not create; not tracked");
}

const refundReturnSchema = z.object({
  return: z.object({ admin_graphql_api_id: gid("Return") }).nullish(),
});

/**
 * refunds/create: records the refund (app/orders) and, when it settles one of our returns, puts it on the
 * timeline and marks the return processed (the merchant may have processed it in Shopify admin).
 */
export async function applyRefundWebhookWithReturns(client: DbClient, shop: string, payload: ShopifyJson): Promise<void> {
  await applyRefundWebhook(client, shop, payload);
  const link = refundReturnSchema.safeParse(payload);
  const shopifyReturnId = link.success ? link.data.return?.admin_graphql_api_id : undefined;
  if (!shopifyReturnId) return;
  const row = await findCaseByShopifyId(client, shop, shopifyReturnId);
  if (!row) return;
  const refund = refundFromWebhook(payload);
  const at = refund.shopifyCreatedAt;
  const amount = refund.amount ? `${refund.amount} ${refund.currencyCode ?? row.currency}` : null;
  await addReturnEvent(client, shop, row.id, {
    kind: "refunded",
    text: amount ? `Refund of ${amount} recorded in Shopify` : "Refund recorded in Shopify",
    actor: "shopify",
    at,
    dedupeKey: `refund:${refund.id}`,
  });
  if (canMove(row.status as CaseStatus, "processed")) {
    await client.returnCase.updateMany({ where: { shop, id: row.id, status: row.status }, data: { status: "processed", processedAt: row.processedAt ?? at } });
  }
}

/** The handlers of the returns topics, for the webhook dispatch table. */
export const RETURN_WEBHOOK_HANDLERS: Record<ReturnTopic, WebhookHandler> = {
  "returns/request": applyReturnWebhook,
  "returns/approve": applyReturnWebhook,
  "returns/decline": applyReturnWebhook,
  "returns/cancel": applyReturnWebhook,
  "returns/close": applyReturnWebhook,
  "returns/reopen": applyReturnWebhook,
};
