import type { ReturnContext, ReturnSummary, SubmitReturnInput, SubmitReturnResult } from "../submit.server";

/**
 * What the portal needs from the returns backend (app/returns/submit.server.ts): the order as the engine sees
 * it, submitting, and a return's status. The portal takes it as a parameter so its steps are tested without
 * Shopify; routes pass `returnsBackend()`.
 */
export interface ReturnsBackend {
  /** Throws ForbiddenError (403) when the order is not this customer's, NotFoundError when unknown. */
  loadReturnContext(args: { shop: string; customerId: string; orderId: string }): Promise<ReturnContext>;
  submitReturnRequest(input: SubmitReturnInput): Promise<SubmitReturnResult>;
  /** Throws ForbiddenError for another customer's return, NotFoundError when unknown. */
  loadReturnSummary(args: { shop: string; customerId: string; returnId: string }): Promise<ReturnSummary>;
}

export type { ReturnContext as PortalReturnContext, ReturnSummary as PortalReturnSummary };
export type PortalReturnStatus = ReturnSummary["status"];
