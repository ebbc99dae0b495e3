import { usableTimeZone } from "~/time-zone";
import type { DbClient } from "~/db.server";
import { ACTION_FROM, type CaseStatus } from "./case-status";
import { loadCaseSummary, storedDecision } from "./case-store.server";
import { explain } from "./explain";
import type { ReturnPageData } from "./return-page";

export type { ReturnPageData };


export async function loadReturnPage(client: DbClient, shop: string, id: string, now: Date): Promise<ReturnPageData> {
  const [{ caseRow, ...summary }, shopRow] = await Promise.all([
    loadCaseSummary(client, shop, id),
    client.shop.findUnique({ where: { shop }, select: { ianaTimezone: true } }),
  ]);
  const timeZone = usableTimeZone(shopRow?.ianaTimezone);
  const decision = storedDecision(caseRow);
  const context = { audience: "merchant" as const, timeZone, now };
  const status = caseRow.status as CaseStatus;
  return {
    summary,
    orderName: caseRow.orderName,
    orderId: caseRow.orderId,
    shopifyReturnId: caseRow.shopifyReturnId,
    method: caseRow.method,
    decline: status === "declined" ? { reason: caseRow.declineReason, note: caseRow.declineNote } : null,
    totals: decision.totals,
    items: decision.items.map((item) => ({
      lineItemId: item.lineItemId,
      title: item.title,
      quantity: item.quantity,
      reason: item.reason,
      value: item.value.amount,
      explanations: item.explanations.map((explanation) => explain(explanation, context)),
    })),
    explanations: [...(decision.approval ? [decision.approval] : []), ...decision.notes, ...decision.fees.flatMap((fee) => fee.explanations)].map((explanation) =>
      explain(explanation, context),
    ),
    actions: Object.entries(ACTION_FROM)
      .filter(([, from]) => from.includes(status))
      .map(([action]) => action),
  };
}
