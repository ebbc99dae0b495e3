import { assertLookupId } from "~/input/text";
import type { DbClient } from "~/db.server";
import { NotFoundError } from "~/errors";
import { notifyReturnUpdate } from "~/notifications/return-updates.server";
import type { ReturnMilestone } from "~/notifications/return-milestones";
import type { CaseStatus } from "./case-status";
import type { ReturnDecision } from "./evaluate";
import type { Outcome } from "./policy-schema";
import { type ReturnSummary, summaryOf } from "./summary";

/** Who moved a return along. */
export type ReturnActor = "shopper" | "merchant" | "shopify" | "carrier";

/** The steps on a return's timeline. */
export type ReturnEventKind =
  | "requested"
  | "approved"
  | "declined"
  | "label_created"
  | "in_transit"
  | "received"
  | "processed"
  | "refunded"
  | "closed"
  | "cancelled"
  | "reopened";

export interface NewReturnEvent {
  kind: ReturnEventKind;
  text: string;
  actor: ReturnActor;
  at: Date;
  /** Set for events caused by something that can repeat (a webhook): the same key adds the event once. */
  dedupeKey?: string;
}

const caseSelect = {
  id: true,
  orderId: true,
  orderName: true,
  customerId: true,
  shopifyReturnId: true,
  name: true,
  status: true,
  outcome: true,
  method: true,
  decision: true,
  currency: true,
  refundAmount: true,
  storeCreditAmount: true,
  bonusAmount: true,
  exchangeItems: true,
  declineReason: true,
  declineNote: true,
  shopifyStatusAt: true,
  requestedAt: true,
  approvedAt: true,
  receivedAt: true,
  processedAt: true,
  closedAt: true,
} as const;

/** One return case of the shop, or NotFoundError; a case still being submitted does not exist yet. */
export async function getReturnCase(client: DbClient, shop: string, id: string) {
  assertLookupId("Return", id);
  const row = await client.returnCase.findUnique({ where: { shop_id: { shop, id } }, select: caseSelect });
  if (!row || row.status === "submitting") throw new NotFoundError("Return", id);
  return row;
}
export type ReturnCaseRow = Awaited<ReturnType<typeof getReturnCase>>;

/** The case Shopify's return `shopifyReturnId` belongs to, if it is one of ours. */
export async function findCaseByShopifyId(client: DbClient, shop: string, shopifyReturnId: string) {
  return client.returnCase.findUnique({ where: { shop_shopifyReturnId: { shop, shopifyReturnId } }, select: caseSelect });
}

/** The timeline steps the shopper is told about, as notification milestones. */
const MILESTONE_OF: Partial<Record<ReturnEventKind, ReturnMilestone>> = {
  requested: "requested",
  approved: "approved",
  declined: "declined",
  label_created: "label_ready",
  in_transit: "in_transit",
  received: "received",
  processed: "refunded",
  refunded: "refunded",
  closed: "closed",
};

/**
 * Adds a step to a case's timeline; with a dedupe key, only the first time. A step the shopper hears about is
 * queued as a notification in the same transaction (at most once per return, milestone and channel).
 * Returns whether the step was added.
 */
export async function addReturnEvent(client: DbClient, shop: string, returnId: string, event: NewReturnEvent): Promise<boolean> {
  if (event.dedupeKey) {
    const seen = await client.returnEvent.findUnique({ where: { shop_dedupeKey: { shop, dedupeKey: event.dedupeKey } }, select: { id: true } });
    if (seen) return false;
  }
  await client.returnEvent.create({ data: { shop, returnId, ...event, dedupeKey: event.dedupeKey ?? null } });
  const milestone = MILESTONE_OF[event.kind];
  if (milestone) {
    const row = await client.returnCase.findUnique({ where: { shop_id: { shop, id: returnId } }, select: { orderId: true } });
    if (row) await notifyReturnUpdate(client, { shop, orderId: row.orderId, returnId, milestone, occurredAt: event.at });
  }
  return true;
}

/** Moves a case to `status` with the given fields; `from` guards against a concurrent move (compare-and-set). */
export async function moveReturnCase(
  client: DbClient,
  shop: string,
  id: string,
  from: readonly CaseStatus[],
  data: { status: CaseStatus } & Partial<Record<"approvedAt" | "receivedAt" | "processedAt" | "closedAt" | "shopifyStatusAt", Date | null>> & {
    declineReason?: string | null;
    declineNote?: string | null;
  },
): Promise<boolean> {
  const { count } = await client.returnCase.updateMany({ where: { shop, id, status: { in: [...from] } }, data });
  return count === 1;
}

/** Everything the status page and the merchant's return page show about one case. */
export async function loadCaseSummary(client: DbClient, shop: string, id: string): Promise<ReturnSummary & { caseRow: ReturnCaseRow }> {
  const row = await getReturnCase(client, shop, id);
  const [lines, label, events, photos] = await Promise.all([
    client.returnLine.findMany({ where: { shop, returnId: id }, orderBy: { lineItemId: "asc" } }),
    client.returnLabel.findFirst({ where: { shop, returnId: id }, orderBy: { createdAt: "desc" } }),
    client.returnEvent.findMany({ where: { shop, returnId: id }, orderBy: [{ at: "asc" }, { createdAt: "asc" }] }),
    client.returnPhoto.findMany({ where: { shop, returnId: id }, orderBy: { createdAt: "asc" } }),
  ]);
  return { ...summaryOf({ ...row, outcome: row.outcome as Outcome }, lines, label, events, photos), caseRow: row };
}

/** The decision stored with a case. */
export function storedDecision(row: { decision: string }): ReturnDecision {
  return JSON.parse(row.decision) as ReturnDecision;
}
