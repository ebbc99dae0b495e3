import { randomUUID } from "node:crypto";
import type { Db, DbClient } from "~/db.server";
import { recordExceptionNotice } from "~/notifications/outbox.server";
import { recordAutomaticActions } from "./actions/record.server";
import { detectExceptions, type DetectedException } from "./detect";
import { loadUnshippedOrders, loadWatchedShipments } from "./facts.server";
import { KINDS_ANNOUNCED_BY_MILESTONE } from "./kinds";
import { loadDetectionPolicy } from "./policy.server";
import { openKeyOf } from "./subject";

export interface ScanOutcome {
  /** Flags opened by this scan. */
  opened: number;
  /** Open flags whose cause is gone, now resolved. */
  resolved: number;
  /** Outbox messages recorded for the shopper (per channel). */
  notices: number;
  /** Automatic actions (tag, reship draft, support email) recorded for the new flags. */
  actions: number;
}

/**
 * Scans one shop at `now`: detects its delivery exceptions, opens a flag for each new one (and records the
 * shopper's apology in the outbox, unless a shipment milestone already tells them, and the merchant's automatic
 * actions), and resolves open flags
 * whose cause is gone. Idempotent: re-running with the same facts changes nothing and sends nothing twice.
 */
export async function scanShopExceptions(db: Db, shop: string, options: { now?: Date } = {}): Promise<ScanOutcome> {
  const now = options.now ?? new Date();
  const policy = await loadDetectionPolicy(db, shop);
  const facts = { shipments: await loadWatchedShipments(db, shop), unshippedOrders: await loadUnshippedOrders(db, shop, now) };
  const detected = new Map(detectExceptions(facts, policy, now).map((exception) => [openKeyOf(exception), exception]));
  return db.$transaction(async (tx) => {
    const open = await tx.shipmentException.findMany({ where: { shop, resolvedAt: null }, select: { id: true, openKey: true } });
    const openKeys = new Set(open.map((flag) => flag.openKey));
    const gone = open.filter((flag) => !flag.openKey || !detected.has(flag.openKey)).map((flag) => flag.id);
    const { count: resolved } = gone.length
      ? await tx.shipmentException.updateMany({ where: { shop, id: { in: gone }, resolvedAt: null }, data: { resolvedAt: now, openKey: null } })
      : { count: 0 };
    let opened = 0;
    let notices = 0;
    let actions = 0;
    for (const [openKey, exception] of detected) {
      if (openKeys.has(openKey)) continue;
      const id = await openFlag(tx, shop, openKey, exception, now);
      if (!id) continue;
      opened++;
      actions += await recordAutomaticActions(tx, shop, { id, kind: exception.kind, shipmentId: exception.shipmentId }, policy.actions, now);
      if (KINDS_ANNOUNCED_BY_MILESTONE.has(exception.kind)) continue;
      const notice = await recordExceptionNotice(tx, shop, { id, ...exception }, { now });
      if (notice.recorded) notices += notice.messageIds.length;
    }
    return { opened, resolved, notices, actions };
  });
}

// ON CONFLICT rather than catching a unique violation: a concurrent scan may open the same flag, and on
// PostgreSQL a failed INSERT would abort this transaction.
async function openFlag(tx: DbClient, shop: string, openKey: string, exception: DetectedException, now: Date): Promise<string | undefined> {
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "ShipmentException" ("shop", "id", "kind", "orderId", "shipmentId", "openKey", "evidence", "since", "detectedAt", "createdAt", "updatedAt")
    VALUES (${shop}, ${randomUUID()}, ${exception.kind}, ${exception.orderId}, ${exception.shipmentId}, ${openKey}, ${JSON.stringify(exception.evidence)}, ${exception.since}, ${now}, ${now}, ${now})
    ON CONFLICT ("shop", "openKey") DO NOTHING
    RETURNING "id"`;
  return inserted[0]?.id;
}
