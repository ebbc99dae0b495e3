import type { Db } from "~/db.server";
import type { NotificationMessage } from "~/generated/sqlite/client";
import { MESSAGE_STATUS } from "./message-status";

/**
 * Folds the order's other pending messages of the same milestone and channel into `message` — parcels that reached
 * it together (a fulfillment-wide Shopify event moves all its parcels at once; "shipped" and "delivered" also wait
 * a coalescing hold for stragglers): they are marked suppressed "coalesced" and their shipments are returned so
 * one message covers every parcel. The status guard makes this race-safe against their own send jobs.
 */
export async function absorbSiblings(db: Db, message: NotificationMessage): Promise<string[]> {
  if (!message.shipmentId) return [];
  const where = {
    shop: message.shop,
    orderId: message.orderId,
    trigger: message.trigger,
    channel: message.channel,
    status: MESSAGE_STATUS.pending,
    id: { not: message.id },
  };
  const siblings = await db.notificationMessage.findMany({ where, select: { id: true, shipmentId: true } });
  if (!siblings.length) return [];
  await db.notificationMessage.updateMany({
    where: { ...where, id: { in: siblings.map((sibling) => sibling.id) } },
    data: { status: MESSAGE_STATUS.suppressed, reason: "coalesced", coalescedIntoId: message.id },
  });
  const absorbed = await db.notificationMessage.findMany({
    where: { shop: message.shop, coalescedIntoId: message.id, id: { in: siblings.map((sibling) => sibling.id) } },
    select: { shipmentId: true },
  });
  return absorbed.flatMap((sibling) => (sibling.shipmentId ? [sibling.shipmentId] : []));
}
