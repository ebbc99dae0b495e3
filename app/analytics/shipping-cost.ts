import { Decimal } from "@prisma/client/runtime/index-browser";

/** An order's shipping line as the cost evidence reads it. */
export interface ShippingCharge {
  orderId: string;
  /** Decimal text in the shop's currency, before discounts. */
  price: string;
  isRemoved: boolean;
}

/**
 * What each parcel of an order cost to ship, as decimal text: the order's shipping charge (its lines still in
 * force, before discounts, so a free-shipping promotion does not make a carrier look cheap) split evenly over its
 * parcels, since the shopper paid once for all of them. An order without a line in force has no known cost.
 */
export function costPerParcel(charges: readonly ShippingCharge[], parcelsOfOrder: ReadonlyMap<string, number>): Map<string, string> {
  const totals = new Map<string, Decimal>();
  for (const charge of charges) {
    if (charge.isRemoved) continue;
    totals.set(charge.orderId, (totals.get(charge.orderId) ?? new Decimal(0)).plus(new Decimal(charge.price)));
  }
  const costs = new Map<string, string>();
  for (const [orderId, total] of totals) {
    const parcels = parcelsOfOrder.get(orderId) ?? 0;
    if (parcels > 0) costs.set(orderId, total.dividedBy(parcels).toFixed(2));
  }
  return costs;
}
