import type { DbClient } from "~/db.server";
import type { Channel } from "./channels";

/** Why an address is on the do-not-message list. */
export type SuppressionCause = "unsubscribed" | "sms_stop";

/** Whether the address (by its keyed hash) opted out of `channel` in this shop. */
export async function isAddressSuppressed(client: DbClient, shop: string, channel: Channel, addressHash: string): Promise<boolean> {
  const row = await client.notificationSuppression.findUnique({ where: { shop_channel_addressHash: { shop, channel, addressHash } }, select: { shop: true } });
  return row !== null;
}

/** Puts an address on the shop's do-not-message list for `channel`; repeating it changes nothing. */
export async function suppressAddress(client: DbClient, shop: string, channel: Channel, addressHash: string, cause: SuppressionCause): Promise<void> {
  await client.notificationSuppression.upsert({
    where: { shop_channel_addressHash: { shop, channel, addressHash } },
    create: { shop, channel, addressHash, reason: cause },
    update: {},
  });
}

/** Takes an address off the list again (an SMS START); returns whether it was on it. */
export async function liftSuppression(client: DbClient, shop: string, channel: Channel, addressHash: string): Promise<boolean> {
  const { count } = await client.notificationSuppression.deleteMany({ where: { shop, channel, addressHash } });
  return count > 0;
}
