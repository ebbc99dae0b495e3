import { randomUUID } from "node:crypto";
import type { Db } from "~/db.server";

/** Test-only: orders and parcels of a shop, written the way sync writes them, with every instant given. */

export function freshShop(): string {
  return `edd-${randomUUID().slice(0, 8)}.myshopify.com`;
}

export interface ParcelSpec {
  placedAt: Date;
  handedOffAt?: Date;
  deliveredAt?: Date;
  status?: string;
  statusAt?: Date;
  carrier?: string;
  province?: string;
  zip?: string;
  country?: string;
}

/** One order with at most one parcel: unshipped without `handedOffAt`, delivered with `deliveredAt`. */
export async function seedParcel(prisma: Db, shop: string, spec: ParcelSpec): Promise<{ orderId: string; shipmentId: string | null }> {
  await prisma.shop.upsert({ where: { shop }, create: { shop, name: "Tea", ianaTimezone: "Europe/Berlin" }, update: {} });
  const suffix = BigInt(`0x${randomUUID().slice(0, 8)}`);
  const orderId = `gid://shopify/Order/${suffix}`;
  await prisma.order.create({
    data: {
      shop,
      id: orderId,
      name: `#${suffix}`,
      shippingCountry: spec.country ?? "DE",
      shippingProvince: spec.province ?? "BE",
      shippingZip: spec.zip ?? "10115",
      processedAt: spec.placedAt,
      shopifyUpdatedAt: spec.placedAt,
    },
  });
  if (!spec.handedOffAt) return { orderId, shipmentId: null };
  const fulfillmentId = `gid://shopify/Fulfillment/${suffix}`;
  await prisma.fulfillment.create({
    data: { shop, id: fulfillmentId, orderId, status: "success", locationId: "gid://shopify/Location/1", shopifyCreatedAt: spec.handedOffAt, shopifyUpdatedAt: spec.handedOffAt },
  });
  const status = spec.status ?? (spec.deliveredAt ? "delivered" : "in_transit");
  const shipment = await prisma.shipment.create({
    data: {
      shop,
      orderId,
      fulfillmentId,
      trackingNumber: `T${suffix}`,
      carrier: spec.carrier ?? "dhl",
      status,
      statusAt: spec.statusAt ?? spec.deliveredAt ?? spec.handedOffAt,
      shippedAt: spec.handedOffAt,
      deliveredAt: spec.deliveredAt ?? null,
    },
    select: { id: true },
  });
  return { orderId, shipmentId: shipment.id };
}

/** Moves a parcel to a new status, as tracking would. */
export function moveParcel(prisma: Db, shop: string, shipmentId: string, status: string, at: Date) {
  return prisma.shipment.updateMany({ where: { shop, id: shipmentId }, data: { status, statusAt: at, lastEventAt: at, ...(status === "delivered" ? { deliveredAt: at } : {}) } });
}

const DAY = 86_400_000;

/** Weekday noons (UTC) from `from`, skipping Saturdays and Sundays. */
export function weekdayNoons(from: string, count: number): Date[] {
  const days: Date[] = [];
  for (let at = Date.parse(`${from}T12:00:00Z`); days.length < count; at += DAY) {
    const weekday = new Date(at).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(new Date(at));
  }
  return days;
}

/** `days` weekdays after `from` (a weekday noon stays a weekday noon). */
export function addWeekdays(from: Date, days: number): Date {
  let at = from.getTime();
  for (let left = days; left > 0; ) {
    at += DAY;
    const weekday = new Date(at).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return new Date(at);
}
