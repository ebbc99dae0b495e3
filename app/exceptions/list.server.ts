import type { DbClient } from "~/db.server";
import { actionOutcomesByFlag } from "./actions/outcomes.server";
import { parseEvidence } from "./evidence";
import { EXCEPTION_KINDS } from "./kinds";
import type { OpenException } from "./open-exception";

export type { OpenException };

/** The shop's open exception flags, newest first, with their order's name and parcel's tracking number. */
export async function listOpenExceptions(client: DbClient, shop: string, options: { limit?: number } = {}): Promise<OpenException[]> {
  const flags = await client.shipmentException.findMany({
    where: { shop, resolvedAt: null },
    orderBy: [{ detectedAt: "desc" }, { id: "asc" }],
    take: options.limit ?? 250,
  });
  const orders = await client.order.findMany({ where: { shop, id: { in: [...new Set(flags.map((flag) => flag.orderId))] } }, select: { id: true, name: true } });
  const shipmentIds = flags.flatMap((flag) => (flag.shipmentId ? [flag.shipmentId] : []));
  const shipments = await client.shipment.findMany({ where: { shop, id: { in: shipmentIds } }, select: { id: true, trackingNumber: true } });
  const actions = await actionOutcomesByFlag(client, shop, flags.map((flag) => flag.id));
  const orderNames = new Map(orders.map((order) => [order.id, order.name]));
  const trackingNumbers = new Map(shipments.map((shipment) => [shipment.id, shipment.trackingNumber]));
  return flags.flatMap((flag) => {
    const kind = EXCEPTION_KINDS.find((known) => known === flag.kind);
    if (!kind) return [];
    return [
      {
        id: flag.id,
        kind,
        orderId: flag.orderId,
        orderName: orderNames.get(flag.orderId) ?? null,
        shipmentId: flag.shipmentId,
        trackingNumber: flag.shipmentId ? trackingNumbers.get(flag.shipmentId) ?? null : null,
        since: flag.since.toISOString(),
        detectedAt: flag.detectedAt.toISOString(),
        evidence: parseEvidence(flag.evidence),
        actions: actions.get(flag.id) ?? [],
      },
    ];
  });
}
