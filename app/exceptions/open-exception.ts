import type { ActionOutcome } from "./actions/outcome";
import type { ExceptionKind } from "./kinds";
import type { ExceptionSettings } from "./settings";

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
  /** The automated actions recorded for this flag and how each ended. */
  actions: ActionOutcome[];
}

/** What the exceptions page shows: the open flags with their actions' outcomes, and the action and digest settings. */
export interface ExceptionsPageData {
  exceptions: OpenException[];
  settings: Pick<ExceptionSettings, "actions" | "supportEmail" | "digest">;
}
