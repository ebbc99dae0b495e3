import { z } from "zod";
import type { DbClient } from "~/db.server";
import { defineJob } from "~/jobs/registry";
import { atomically } from "~/orders/atomically.server";
import { applyTrackingUpdates } from "../apply-updates.server";
import { APPLY_CARRIER_UPDATE_JOB, CARRIER_UPDATE_STATUS } from "../carrier-update-inbox.server";
import { easyPostEventFromBody, easyPostTrackerSchema, isTrackerEvent, parseEasyPost } from "./payload";
import { easyPostTrackers } from "./tracker-source";

export type CarrierUpdateOutcome =
  | { status: "applied"; events: number }
  | { status: "ignored"; reason: string }
  | { status: "already_processed" }
  | { status: "not_found" };

/**
 * Applies one stored EasyPost update: its tracker's details become events of the shop's shipments with that
 * tracking number. A number no shipment carries is recorded as ignored with the reason, not an error (the
 * tracker may predate the fulfillment; EasyPost's next delivery repeats the whole history). The payload is
 * cleared once applied: it can name the recipient. Idempotent: a processed update is left alone.
 */
export async function applyEasyPostUpdate(client: DbClient, shop: string, carrierUpdateId: string): Promise<CarrierUpdateOutcome> {
  return atomically(client, async (tx) => {
    const update = await tx.carrierUpdate.findFirst({ where: { shop, id: carrierUpdateId, provider: "easypost" } });
    if (!update) return { status: "not_found" };
    if (update.status !== CARRIER_UPDATE_STATUS.received) return { status: "already_processed" };
    const event = easyPostEventFromBody(update.payload);
    const outcome = isTrackerEvent(event)
      ? await applyTracker(tx, shop, event.result)
      : ({ status: "ignored", reason: `unsupported event ${event.description}` } as const);
    await tx.carrierUpdate.updateMany({
      where: { shop, id: update.id },
      data: {
        status: outcome.status,
        reason: outcome.status === "ignored" ? outcome.reason : null,
        payload: "",
        processedAt: new Date(),
      },
    });
    return outcome;
  });
}

async function applyTracker(tx: DbClient, shop: string, result: unknown): Promise<CarrierUpdateOutcome> {
  const tracker = parseEasyPost(easyPostTrackerSchema, result);
  const applied = await applyTrackingUpdates(tx, shop, easyPostTrackers.updatesFrom(tracker));
  if (applied.unmatchedTrackingNumbers.length) return { status: "ignored", reason: "unknown tracking number" };
  return { status: "applied", events: applied.events };
}

/** "tracking.apply-carrier-update": applies one stored carrier update (register in app/jobs/handlers.server.ts). */
export const applyCarrierUpdateJob = defineJob({
  name: APPLY_CARRIER_UPDATE_JOB,
  payload: z.object({ carrierUpdateId: z.string().min(1) }),
  handle: async ({ db, shop, logger }, { carrierUpdateId }) => {
    const outcome = await applyEasyPostUpdate(db, shop, carrierUpdateId);
    logger.debug({ carrierUpdateId, status: outcome.status }, "carrier update handled");
  },
});
