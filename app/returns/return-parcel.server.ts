import type { DbClient } from "~/db.server";
import type { ShipmentStatus } from "~/tracking/status";
import type { CaseStatus } from "./case-status";
import { addReturnEvent, moveReturnCase } from "./case-store.server";
import { parcelStep } from "./parcel-progress";

/**
 * The tracking module's hook for return parcels: a carrier status of a return label's parcel moves its case
 * forward (in transit, then received) with a timeline step by the carrier, and the shopper's notification for
 * it, in the caller's transaction. Replays and late scans change nothing: the case only moves forward and each
 * step is added once per parcel.
 */
export async function recordReturnParcelStatus(tx: DbClient, shop: string, parcel: { shipmentId: string; status: ShipmentStatus; at: Date }): Promise<void> {
  const label = await tx.returnLabel.findFirst({ where: { shop, shipmentId: parcel.shipmentId }, select: { returnId: true } });
  if (!label) return;
  const row = await tx.returnCase.findUnique({ where: { shop_id: { shop, id: label.returnId } }, select: { id: true, status: true, receivedAt: true } });
  if (!row) return;
  const step = parcelStep(row.status as CaseStatus, parcel.status);
  if (!step) return;
  const receivedAt = step.target === "received" ? { receivedAt: row.receivedAt ?? parcel.at } : {};
  const moved = await moveReturnCase(tx, shop, row.id, [row.status as CaseStatus], { status: step.target, ...receivedAt });
  // Serializable transaction: a merchant acting at the same moment makes the carrier job retry, not lose the step.
  if (!moved) throw new Error(`return case ${row.id} changed while applying its parcel's status`);
  await addReturnEvent(tx, shop, row.id, { kind: step.target, text: step.text, actor: "carrier", at: parcel.at, dedupeKey: `parcel:${parcel.shipmentId}:${step.target}` });
}
