import type { DbClient } from "~/db.server";
import { fromMinorUnits, toMinorUnits } from "./money";
import { type Offer, SURFACES, type Surface } from "./offer-schema";
import { type ArmComparison, type Counts, type OfferResults } from "./results";
import { abTestVerdict, DEFAULT_AB_POLICY } from "./stats";

export type { ArmComparison, Counts, OfferResults };

/**
 * What each offer achieved, per surface and per A/B arm. An impression is an order that saw the offer
 * (reloads are not new shoppers). On the post-purchase page a conversion is an accept; the other surfaces
 * link to the storefront, so there a conversion is a click. Next-order codes are counted beside the offer they
 * came from (shown, copied) but are not conversions: a code is a thank-you, not the offer's product.
 */

/** The raw counts behind Counts; conversions and revenue text are derived from them. */
type Tally = Omit<Counts, "conversions" | "conversion" | "revenue"> & { revenueMinor: number };

const emptyTally = (): Tally => ({ impressions: 0, clicks: 0, codeImpressions: 0, codeCopies: 0, accepts: 0, declines: 0, revenueMinor: 0 });

/** Results for the given offers of a shop, from the counted events and recorded decisions. */
export async function loadOfferResults(client: DbClient, shop: string, offers: readonly Offer[], currencyCode: string): Promise<Record<string, OfferResults>> {
  const offerIds = offers.map((offer) => offer.id);
  const [events, decisions] = await Promise.all([
    client.offerEvent.groupBy({ by: ["offerId", "armId", "surface", "kind"], where: { shop, offerId: { in: offerIds } }, _count: { _all: true } }),
    client.offerDecision.findMany({
      where: { shop, offerId: { in: offerIds }, decision: { in: ["accepted", "declined"] } },
      select: { offerId: true, armId: true, decision: true, revenue: true, currencyCode: true },
    }),
  ]);
  const tallies = new Map<string, Tally>();
  const tally = (offerId: string, armId: string, surface: string) => {
    const key = JSON.stringify([offerId, armId, surface]);
    let found = tallies.get(key);
    if (!found) tallies.set(key, (found = emptyTally()));
    return found;
  };
  for (const row of events) {
    const target = tally(row.offerId, row.armId, row.surface);
    if (row.kind === "impression") target.impressions += row._count._all;
    if (row.kind === "click") target.clicks += row._count._all;
    if (row.kind === "code_impression") target.codeImpressions += row._count._all;
    if (row.kind === "code_copy") target.codeCopies += row._count._all;
  }
  for (const row of decisions) {
    const target = tally(row.offerId, row.armId, "post_purchase");
    if (row.decision === "declined") target.declines += 1;
    if (row.decision === "accepted") {
      target.accepts += 1;
      // Revenue is reported in the shop's currency; accepts taken in another currency are counted, not summed.
      if (row.revenue && row.currencyCode === currencyCode) target.revenueMinor += toMinorUnits(row.revenue, currencyCode);
    }
  }

  const entries = [...tallies].map(([key, value]) => ({ key: JSON.parse(key) as [string, string, Surface], value }));
  return Object.fromEntries(
    offers.map((offer) => {
      const mine = entries.filter(({ key }) => key[0] === offer.id);
      const sum = (filter: (armId: string, surface: Surface) => boolean) => countsOf(mine.filter(({ key }) => filter(key[1], key[2])), currencyCode);
      const armIds = offer.arms.length ? offer.arms.map((arm) => arm.id) : [];
      const byArm = armIds.map((armId) => ({ armId, ...sum((arm) => arm === armId) }));
      return [
        offer.id,
        {
          offerId: offer.id,
          currencyCode,
          total: sum(() => true),
          bySurface: SURFACES.filter((surface) => offer.surfaces.includes(surface) || mine.some(({ key }) => key[2] === surface)).map((surface) => ({
            surface,
            ...sum((_arm, at) => at === surface),
          })),
          byArm,
          comparisons: compareArms(byArm),
        },
      ];
    }),
  );
}

function countsOf(entries: ReadonlyArray<{ key: [string, string, Surface]; value: Tally }>, currencyCode: string): Counts {
  const total = emptyTally();
  let conversions = 0;
  for (const { key, value } of entries) {
    total.impressions += value.impressions;
    total.clicks += value.clicks;
    total.codeImpressions += value.codeImpressions;
    total.codeCopies += value.codeCopies;
    total.accepts += value.accepts;
    total.declines += value.declines;
    total.revenueMinor += value.revenueMinor;
    conversions += key[2] === "post_purchase" ? value.accepts : value.clicks;
  }
  return {
    impressions: total.impressions,
    clicks: total.clicks,
    codeImpressions: total.codeImpressions,
    codeCopies: total.codeCopies,
    accepts: total.accepts,
    declines: total.declines,
    conversions,
    conversion: total.impressions ? Math.min(1, conversions / total.impressions) : 0,
    revenue: fromMinorUnits(total.revenueMinor, currencyCode),
  };
}

function compareArms(arms: ReadonlyArray<Counts & { armId: string }>): ArmComparison[] {
  const [control, ...treatments] = arms;
  if (!control) return [];
  const counts = (arm: Counts & { armId: string }) => ({
    label: `Version "${arm.armId}"`,
    impressions: arm.impressions,
    conversions: Math.min(arm.impressions, arm.conversions),
  });
  return treatments.map((arm) => ({ armId: arm.armId, versus: control.armId, result: abTestVerdict(counts(control), counts(arm), DEFAULT_AB_POLICY) }));
}
