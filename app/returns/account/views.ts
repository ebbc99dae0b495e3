import type { PortalReturnContext, PortalReturnSummary } from "../portal/backend";
import { reasonChoices, reasonHints, summaryTexts } from "../portal/choices";
import { MAX_PHOTOS_PER_ITEM } from "../portal/draft";
import { statusKey } from "../portal/messages";
import { shopperText, type ViewContext } from "../portal/views";
import { returnableLines } from "../returnable-lines";
import type { ReturnOrderResponse, ReturnStatusResponse } from "./contract";

/** The extension's answers, worded like the portal's pages. Pure. */

/** Statuses after which nothing more happens to a return. */
const FINISHED = new Set<PortalReturnSummary["status"]>(["closed", "declined", "cancelled"]);

/** The first step and the menu item's choice: what can be returned and why not, the reasons, earlier returns. */
export function orderView(context: PortalReturnContext, view: ViewContext): ReturnOrderResponse {
  const lines = returnableLines(context.policy, context.order, view.now, context.timeZone);
  const existingReturns = context.existingReturns.map((summary) => ({
    returnId: summary.returnId,
    name: summary.name ?? view.t("title"),
    status: view.t(statusKey(summary.status)),
    open: !FINISHED.has(summary.status),
  }));
  return {
    orderId: context.order.id,
    lines: lines.map((line) => ({
      lineItemId: line.lineItemId,
      title: line.title,
      returnableQuantity: line.status === "eligible" ? line.returnableQuantity : 0,
      explanations: line.explanations.map((item) => shopperText(item, view)),
    })),
    reasons: reasonChoices(context.policy, view).map((reason) => ({ ...reason, hints: reasonHints(context.policy, reason.value, view) })),
    maxPhotos: MAX_PHOTOS_PER_ITEM,
    existingReturns,
    canStart: lines.some((line) => line.status === "eligible" && line.returnableQuantity > 0),
    openReturnId: existingReturns.filter((summary) => summary.open).at(-1)?.returnId ?? null,
  };
}

/** Where a return stands, with every step so far. */
export function statusView(summary: PortalReturnSummary, submitted: boolean, view: Pick<ViewContext, "t" | "locale">): ReturnStatusResponse {
  return {
    returnId: summary.returnId,
    ...summaryTexts(summary, view),
    submitted,
    timeline: summary.timeline.map((entry) => ({ at: entry.at, text: entry.text })),
  };
}
