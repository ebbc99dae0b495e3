import type { DbClient } from "~/db.server";
import { requestPromiseRefresh } from "~/delivery-estimates/live/refresh-job.server";
import { recordOrderConfirmed } from "~/notifications/outbox.server";
import type { ShopifyJson } from "~/webhooks/payload";
import { atomically } from "./atomically.server";
import { orderSnapshotFromWebhook } from "./order-payload";
import { ORDER_PII_FIELDS, type CustomerContact, type OrderFields, type OrderSnapshot } from "./order-snapshot";

/** Whether a snapshot was written, or skipped because we already hold a newer version. */
export type SyncOutcome = "applied" | "stale";

/**
 * Applies an orders/create, updated, cancelled, fulfilled or partially_fulfilled webhook: each sends the
 * full order. Throws InvalidShopifyPayloadError for an unusable payload.
 */
export async function applyOrderWebhook(client: DbClient, shop: string, payload: ShopifyJson): Promise<void> {
  await upsertOrderSnapshot(client, shop, orderSnapshotFromWebhook(payload));
}

/**
 * Writes an order, its line items, shipping lines and its customer's contact point in one transaction, unless we hold a
 * newer version (webhooks arrive out of order and API reads can be stale; equal timestamps re-apply).
 * The one write path for webhooks and reconciliation. Its writes are guarded (compare-and-set on the order
 * and customer rows, unique keys on inserts), so it needs no serializable isolation (see AtomicOptions).
 */
export async function upsertOrderSnapshot(client: DbClient, shop: string, snapshot: OrderSnapshot): Promise<SyncOutcome> {
  return atomically(client, async (tx) => {
    if (snapshot.customer) await writeCustomer(tx, shop, snapshot.customer);
    const written = await writeOrder(tx, shop, snapshot.order);
    if (written === "stale") return "stale";
    // The confirmation is recorded with the order's first write, in the same transaction (the outbox).
    if (written === "created") await recordOrderConfirmed(tx, shop, snapshot.order);
    if (written === "created") await requestPromiseRefresh(tx, shop, snapshot.order.id);
    // Shopify never deletes a line item (edits zero its quantity), so upserting keeps the set complete
    // even when an API read returned only the first page of them.
    for (const item of snapshot.lineItems) {
      const row = { ...item, orderId: snapshot.order.id };
      await tx.lineItem.upsert({
        where: { shop_id: { shop, id: item.id } },
        create: { shop, ...row },
        update: row,
      });
    }
    for (const line of snapshot.shippingLines ?? []) {
      const row = { ...line, orderId: snapshot.order.id };
      await tx.shippingLine.upsert({ where: { shop_id: { shop, id: line.id } }, create: { shop, ...row }, update: row });
    }
    return "applied";
  }, { guardedWrites: true });
}

async function writeOrder(tx: DbClient, shop: string, order: OrderFields): Promise<"created" | "updated" | "stale"> {
  const held = await tx.order.findUnique({
    where: { shop_id: { shop, id: order.id } },
    select: { shopifyUpdatedAt: true, redactedAt: true },
  });
  if (!held) {
    await tx.order.create({ data: { shop, ...order } });
    return "created";
  }
  if (held.shopifyUpdatedAt > order.shopifyUpdatedAt) return "stale";
  // A redacted order stays redacted: a later event must not bring the shopper's details back.
  const data = held.redactedAt ? withoutPii(order) : order;
  const { count } = await tx.order.updateMany({
    where: { shop, id: order.id, shopifyUpdatedAt: { lte: order.shopifyUpdatedAt } },
    data,
  });
  return count > 0 ? "updated" : "stale";
}

function withoutPii(order: OrderFields): Partial<OrderFields> {
  const kept: Partial<OrderFields> = { ...order };
  for (const field of ORDER_PII_FIELDS) delete kept[field];
  return kept;
}

async function writeCustomer(tx: DbClient, shop: string, contact: CustomerContact): Promise<void> {
  const held = await tx.customer.findUnique({
    where: { shop_id: { shop, id: contact.id } },
    select: { shopifyUpdatedAt: true, redactedAt: true },
  });
  if (!held) {
    await tx.customer.create({ data: { shop, ...contact } });
    return;
  }
  if (held.redactedAt) return;
  if (held.shopifyUpdatedAt && held.shopifyUpdatedAt > contact.shopifyUpdatedAt) return;
  await updateHeldCustomer(tx, shop, contact);
}

/**
 * Updates a customer we already hold, unless it was redacted or we hold a newer version (equal timestamps
 * re-apply). Fields the source does not carry (undefined) keep their stored value. Returns whether it wrote.
 */
export async function updateHeldCustomer(tx: DbClient, shop: string, contact: CustomerContact): Promise<boolean> {
  const { count } = await tx.customer.updateMany({
    where: {
      shop,
      id: contact.id,
      redactedAt: null,
      OR: [{ shopifyUpdatedAt: null }, { shopifyUpdatedAt: { lte: contact.shopifyUpdatedAt } }],
    },
    data: contact,
  });
  return count > 0;
}
