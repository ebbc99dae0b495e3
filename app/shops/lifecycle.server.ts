import { z } from "zod";
import { cancelShopJobs } from "~/jobs/queue.server";
import { logger } from "~/logger.server";
import type { WebhookHandler } from "~/webhooks/handler";
import { parsePayload } from "~/orders/payload-fields";

/**
 * app/uninstalled: the shop's tokens are dead, so its sessions go and its jobs stop; its data stays for 48 h
 * in case the merchant reinstalls (shop/redact erases it otherwise).
 */
export const onAppUninstalled: WebhookHandler = async (client, shop, _payload, event) => {
  const uninstalledAt = event.triggeredAt ?? event.receivedAt;
  const row = await client.shop.findUnique({ where: { shop }, select: { installedAt: true } });
  // A late delivery must not log out an install that happened after the uninstall.
  if (row && row.installedAt > uninstalledAt) {
    logger.info({ shop, webhookEventId: event.id }, "app/uninstalled predates the current install; ignoring");
    return;
  }
  await client.session.deleteMany({ where: { shop } });
  await cancelShopJobs(client, shop);
  await client.shop.updateMany({ where: { shop }, data: { uninstalledAt } });
};

const scopesUpdateSchema = z.object({ current: z.array(z.string().min(1)) });

/** app/scopes_update: records the scopes the merchant now grants on the shop and its sessions. */
export const onScopesUpdated: WebhookHandler = async (client, shop, payload) => {
  const { current } = parsePayload("app/scopes_update", scopesUpdateSchema, payload);
  const scopes = current.join(",");
  await client.session.updateMany({ where: { shop }, data: { scope: scopes } });
  await client.shop.updateMany({ where: { shop }, data: { scopes } });
};
