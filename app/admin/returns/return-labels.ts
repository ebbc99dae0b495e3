import type { ReturnStatus } from "~/returns/case-status";

export const RETURN_STATUS_LABELS: Record<ReturnStatus, string> = {
  requested: "Requested",
  open: "Approved",
  declined: "Declined",
  in_transit: "In transit",
  received: "Received",
  processed: "Processed",
  closed: "Closed",
  cancelled: "Cancelled",
};

export const RETURN_STATUS_TONES: Record<ReturnStatus, "attention" | "info" | "success" | "critical" | undefined> = {
  requested: "attention",
  open: "info",
  declined: "critical",
  in_transit: "info",
  received: "info",
  processed: "success",
  closed: undefined,
  cancelled: undefined,
};
