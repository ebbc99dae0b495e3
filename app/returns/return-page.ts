import type { ReturnTotals } from "./evaluate";
import type { ReturnSummary } from "./summary";

/** The merchant's page of one return: the summary, the decision explained for merchants, totals and what can be done next. */
export interface ReturnPageData {
  summary: ReturnSummary;
  orderName: string | null;
  orderId: string;
  shopifyReturnId: string | null;
  method: string | null;
  decline: { reason: string | null; note: string | null } | null;
  totals: ReturnTotals;
  items: { lineItemId: string; title: string | null; quantity: number; reason: string; value: string; explanations: string[] }[];
  explanations: string[];
  actions: string[];
}
