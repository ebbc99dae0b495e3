import type { DbClient } from "~/db.server";
import { verifyUnsubscribeToken } from "./links.server";
import { suppressAddress } from "./suppressions.server";

/** Whether an unsubscribe token is ours (to show the confirmation page); null when forged or expired. */
export async function readUnsubscribeToken(token: string, now = new Date()) {
  return verifyUnsubscribeToken(token, now);
}

/**
 * Unsubscribes the address an unsubscribe link was made for from the shop's messages on that channel.
 * Idempotent (one-click clients may POST twice); false when the token is not ours.
 */
export async function unsubscribeWithToken(client: DbClient, token: string, now = new Date()): Promise<boolean> {
  const target = await verifyUnsubscribeToken(token, now);
  if (!target) return false;
  await suppressAddress(client, target.shop, target.channel, target.addressHash, "unsubscribed");
  return true;
}
