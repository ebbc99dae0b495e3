import { z } from "zod";
import type { DbClient } from "~/db.server";
import { EXCEPTION_KINDS, type ExceptionKind } from "./kinds";

const evidenceSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

/** An open flag as the merchant's list shows it. */
export interface OpenException {
  id: string;
  kind: ExceptionKind;
  orderId: string;
  orderName: string | null;
  shipmentId: string | null;
  trackingNumber: string | null;
  since: string;
  detectedAt: string;
  evidence: Record<string, string | number | null>;
}

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
      },
    ];
  });
}

function parseEvidence(text: string): OpenException["evidence"] {
  try {
    const parsed = evidenceSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
