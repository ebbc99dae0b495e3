import type { DbClient } from "~/db.server";
import { logger } from "~/logger.server";
import type { WebhookHandler } from "~/webhooks/handler";
import { parsePayload } from "~/orders/payload-fields";
import { shopRedactSchema } from "./compliance-payloads";
import { delegateName, SHOP_DATA_MODELS, type ModelName } from "./shop-data-models";
import { throwIfOtherShop } from "./shop-guard";

type ShopScopedDelegate = { deleteMany(args: { where: { shop: string } }): Promise<{ count: number }> };

/** shop/redact: deletes every row of the shop in every table, this delivery's own event and job included. */
export const redactShopWebhook: WebhookHandler = async (client, shop, payload, event) => {
  const request = parsePayload("shop/redact", shopRedactSchema, payload);
  throwIfOtherShop(request.shop_domain, shop);
  const requestedAt = event.triggeredAt ?? event.receivedAt;
  const current = await client.shop.findUnique({ where: { shop }, select: { installedAt: true, uninstalledAt: true } });
  // Shopify does not send shop/redact after a reinstall; a late or replayed one must not wipe the new install.
  if (current && current.uninstalledAt === null && current.installedAt > requestedAt) {
    logger.warn({ shop, webhookEventId: event.id }, "shop/redact predates the current install; not erasing");
    return;
  }
  const deleted = await deleteShopData(client, shop);
  logger.info({ shop, deleted }, "shop redacted");
};

/** Deletes all of a shop's rows; returns how many per model. */
export async function deleteShopData(client: DbClient, shop: string): Promise<Partial<Record<ModelName, number>>> {
  const deleted: Partial<Record<ModelName, number>> = {};
  for (const model of SHOP_DATA_MODELS) {
    const delegate = (client as unknown as Record<string, ShopScopedDelegate>)[delegateName(model)];
    if (!delegate) throw new Error(`The Prisma client has no delegate for model ${model}`);
    deleted[model] = (await delegate.deleteMany({ where: { shop } })).count;
  }
  return deleted;
}
