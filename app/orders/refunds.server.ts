import type { DbClient } from "~/db.server";
import type { ShopifyJson } from "~/webhooks/payload";
import { refundFromWebhook } from "./refund-payload";

/** Applies refunds/create: one Refund row per Shopify refund, idempotent under redelivery. */
export async function applyRefundWebhook(client: DbClient, shop: string, payload: ShopifyJson): Promise<void> {
  const refund = refundFromWebhook(payload);
  await client.refund.upsert({
    where: { shop_id: { shop, id: refund.id } },
    create: { shop, ...refund },
    update: refund,
  });
}
