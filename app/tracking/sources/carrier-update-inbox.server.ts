import { randomUUID } from "node:crypto";
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
    const id = await insertUnlessHeld(tx, shop, update);
    if (!id) return "duplicate";
    await enqueueJob(tx, shop, APPLY_CARRIER_UPDATE_JOB, { carrierUpdateId: id });
    return "stored";
  });
}

// One statement instead of a look-up and an insert; ON CONFLICT rather than catching the unique violation, which
// on PostgreSQL would abort the transaction. The id of a new row, or undefined when the event is held already.
async function insertUnlessHeld(tx: DbClient, shop: string, update: { provider: CarrierSourceName; externalId: string; payload: string }): Promise<string | undefined> {
  const [inserted] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "CarrierUpdate" ("shop", "id", "provider", "externalId", "payload", "status", "receivedAt")
    VALUES (${shop}, ${randomUUID()}, ${update.provider}, ${update.externalId}, ${update.payload}, ${CARRIER_UPDATE_STATUS.received}, ${new Date()})
    ON CONFLICT ("shop", "provider", "externalId") DO NOTHING
    RETURNING "id"`;
  return inserted?.id;
}
