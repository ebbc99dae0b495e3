import type { DbClient } from "~/db.server";
import { fromMinorUnits, toMinorUnits } from "./money";
import { type OfferHistory } from "./selection-input";

/**
 * What has happened with the shop's offers so far, as the engine's limits need it: accepts by this customer
 * (max per customer), accepts overall (max accepts), impressions (expected value) and discount given (budget).
 * The discount given counts decisions in `currencyCode` only (the order's): amounts in two currencies never add.
 */
export async function loadOfferHistory(client: DbClient, shop: string, customerId: string | null, currencyCode: string): Promise<OfferHistory> {
  const [total, byCustomer, impressions, given] = await Promise.all([
    client.offerDecision.groupBy({ by: ["offerId"], where: { shop, decision: "accepted" }, _count: { _all: true } }),
    customerId
      ? client.offerDecision.groupBy({ by: ["offerId"], where: { shop, customerId, decision: "accepted" }, _count: { _all: true } })
      : Promise.resolve([]),
    client.offerEvent.groupBy({ by: ["offerId"], where: { shop, kind: "impression" }, _count: { _all: true } }),
    client.offerDecision.findMany({ where: { shop, decision: "accepted", currencyCode }, select: { offerId: true, discountGiven: true, currencyCode: true } }),
  ]);
  const counts = (rows: ReadonlyArray<{ offerId: string; _count: { _all: number } }>) => Object.fromEntries(rows.map((row) => [row.offerId, row._count._all]));
  return {
    acceptedTotal: counts(total),
    acceptedByCustomer: counts(byCustomer),
    impressions: counts(impressions),
    discountGiven: sumByOffer(given),
  };
}

/** Decimal discounts summed per offer in minor units, so no float touches money. */
function sumByOffer(rows: ReadonlyArray<{ offerId: string; discountGiven: string | null; currencyCode: string }>): Record<string, string> {
  const sums = new Map<string, { minor: number; currency: string }>();
  for (const row of rows) {
    if (!row.discountGiven) continue;
    const sum = sums.get(row.offerId) ?? { minor: 0, currency: row.currencyCode };
    sum.minor += toMinorUnits(row.discountGiven, row.currencyCode);
    sums.set(row.offerId, sum);
  }
  return Object.fromEntries([...sums].map(([offerId, sum]) => [offerId, fromMinorUnits(sum.minor, sum.currency)]));
}
