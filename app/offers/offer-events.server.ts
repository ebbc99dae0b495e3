import { isUniqueViolation } from "~/db/prisma-errors";
import type { DbClient } from "~/db.server";
import { type Surface } from "./offer-schema";
import { type OfferEventKind } from "./surface-contract";

export type { OfferEventKind };

/** Every kind of event an extension may report (the wire enum, checked at the edge). */
export const OFFER_EVENT_KINDS = ["impression", "click", "code_impression", "code_copy"] as const satisfies readonly OfferEventKind[];

export interface OfferEventInput {
  shop: string;
  offerId: string;
  /** null when the offer runs no experiment. */
  armId: string | null;
  surface: Surface;
  /** The order gid, or the post-purchase reference id. */
  orderKey: string;
  kind: OfferEventKind;
  now?: Date;
}

/**
 * Counts an impression, click, code impression or code copy. One row per (offer, arm, surface, order, kind), so results count each
 * order once however often the page is reloaded; `count` keeps the raw number. The upsert increments
 * atomically, so concurrent reports are never lost.
 */
export async function recordOfferEvent(client: DbClient, input: OfferEventInput): Promise<void> {
  const now = input.now ?? new Date();
  const key = { shop: input.shop, offerId: input.offerId, armId: input.armId ?? "", surface: input.surface, orderKey: input.orderKey, kind: input.kind };
  try {
    await client.offerEvent.upsert({
      where: { shop_offerId_armId_surface_orderKey_kind: key },
      create: { ...key, firstAt: now, lastAt: now },
      update: { count: { increment: 1 }, lastAt: now },
    });
  } catch (error) {
    // Two first reports can race to create the row; the loser counts as a repeat.
    if (!isUniqueViolation(error)) throw error;
    await client.offerEvent.update({ where: { shop_offerId_armId_surface_orderKey_kind: key }, data: { count: { increment: 1 }, lastAt: now } });
  }
}

