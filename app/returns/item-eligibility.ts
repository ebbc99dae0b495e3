import { type Explanation, explanation } from "./explanation";
import type { LineEligibility, LineStatus } from "./line-eligibility";
import type { ReturnPolicy } from "./policy-schema";
import type { ReturnRequestItem } from "./request-schema";

/** Whether one requested item can be returned as asked. */
export type ItemStatus = LineStatus | "unknown_item" | "quantity_exceeds" | "reason_not_offered" | "needs_photo" | "needs_note";

export interface CheckedItem {
  item: ReturnRequestItem;
  /** null when the line item is not part of the order. */
  line: LineEligibility | null;
  status: ItemStatus;
  explanation: Explanation;
}

/** A requested item that passed every check, with its order line. */
export type EligibleItem = CheckedItem & { status: "eligible"; line: LineEligibility };

/** Whether a checked item may be returned. */
export function isEligible(checked: CheckedItem): checked is EligibleItem {
  return checked.status === "eligible" && checked.line !== null;
}

/** Checks a requested item against its line's eligibility, the returnable quantity and its reason's requirements. */
export function checkItem(policy: ReturnPolicy, lines: ReadonlyMap<string, LineEligibility>, item: ReturnRequestItem): CheckedItem {
  const line = lines.get(item.lineItemId);
  if (!line) return { item, line: null, status: "unknown_item", explanation: explanation("unknown_item", { lineItemId: item.lineItemId }) };
  const { title } = line.line;
  const result = (status: ItemStatus, reason: Explanation): CheckedItem => ({ item, line, status, explanation: reason });

  if (line.status !== "eligible") return result(line.status, line.explanation);
  if (item.quantity > line.returnableQuantity) {
    return result("quantity_exceeds", explanation("quantity_exceeds", { title, requested: item.quantity, returnable: line.returnableQuantity }));
  }
  const reason = policy.reasons[item.reason];
  if (!reason.offered) return result("reason_not_offered", explanation("reason_not_offered", { title, reason: item.reason }));
  if (reason.photoRequired && item.photoCount < reason.minPhotos) {
    return result("needs_photo", explanation("needs_photo", { title, reason: item.reason, minPhotos: reason.minPhotos, photoCount: item.photoCount }));
  }
  // Counted in characters as people see them, so an emoji is one.
  if (reason.noteRequired && Array.from(item.note).length < reason.minNoteLength) {
    return result("needs_note", explanation("needs_note", { title, reason: item.reason, minLength: reason.minNoteLength }));
  }
  return result("eligible", line.explanation);
}
