import type { DbClient } from "~/db.server";
import { enqueueJob } from "~/jobs/queue.server";
import { atomically } from "~/orders/atomically.server";
import type { CarrierSourceName } from "./carrier-update-source";

/** The job that applies one stored carrier update. */
export const APPLY_CARRIER_UPDATE_JOB = "tracking.apply-carrier-update";

/** CarrierUpdate.status values. */
export const CARRIER_UPDATE_STATUS = { received: "received", applied: "applied", ignored: "ignored" } as const;

export type InboxOutcome = "stored" | "duplicate";

/**
 * Stores a verified carrier update with the job that applies it, in one transaction; a redelivery of the same
 * provider event (same externalId) is stored once and queues nothing.
 */
export async function storeCarrierUpdate(
  client: DbClient,
  shop: string,
  update: { provider: CarrierSourceName; externalId: string; payload: string },
): Promise<InboxOutcome> {
  return atomically(client, async (tx) => {
    const held = await tx.carrierUpdate.findUnique({
      where: { shop_provider_externalId: { shop, provider: update.provider, externalId: update.externalId } },
      select: { id: true },
    });
    if (held) return "duplicate";
    const { id } = await tx.carrierUpdate.create({ data: { shop, ...update }, select: { id: true } });
    await enqueueJob(tx, shop, APPLY_CARRIER_UPDATE_JOB, { carrierUpdateId: id });
    return "stored";
  });
}
