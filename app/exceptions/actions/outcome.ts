import type { ExceptionActionName } from "./kinds";

/** An action's outcome as the merchant's list shows it. */
export interface ActionOutcome {
  action: ExceptionActionName;
  requestedBy: string;
  status: string;
  /** Shopify's userErrors or the failure, when it failed (or failed before a retry). */
  error: string | null;
  result: string | null;
  completedAt: string | null;
}
