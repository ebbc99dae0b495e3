import type { ExceptionKind } from "./kinds";

/** How the merchant's list names each exception kind. */
export const EXCEPTION_KIND_LABELS: Record<ExceptionKind, string> = {
  stalled: "Stalled",
  past_due: "Past due",
  failed_attempt: "Delivery failed",
  returned_to_sender: "Returned to sender",
  unfulfilled_past_handling: "Not shipped in time",
  predicted_late: "Predicted late",
};

/** Evidence as "field: value" lines for the list (timestamps shortened to the minute). */
export function evidenceLines(evidence: Record<string, string | number | null>): string[] {
  return Object.entries(evidence).map(([field, value]) => `${field}: ${typeof value === "string" && /^\d{4}-\d\d-\d\dT/.test(value) ? value.slice(0, 16).replace("T", " ") : String(value ?? "—")}`);
}
