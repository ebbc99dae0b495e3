/**
 * The wire contract between the return endpoints for customer accounts and the `return-request` extension
 * (order action menu item + modal). The extension imports these as types only, so its bundle carries no
 * server code and the two sides cannot drift. Texts are already in the shopper's language: the server words
 * them with the return portal's own messages, so both places explain a return the same way.
 *
 * Every endpoint: JSON, CORS for extension origins, `Authorization: Bearer <customer-account session token>`
 * (401 when missing, forged, expired, for another app, or without a logged-in customer; 403 for another
 * customer's order or return; 422 `ReturnProblemResponse` for input to fix; 413 for a body too large).
 * - GET  /api/returns/order?orderId=<gid>&locale=<en|de|fr|es>   → ReturnOrderResponse
 * - POST /api/returns/preview   body ReturnPreviewRequest          → ReturnPreviewResponse (the next step)
 * - POST /api/returns/photos    multipart: orderId, photo (a file) → ReturnPhotoResponse
 * - POST /api/returns/submit    body ReturnSubmitRequest           → ReturnStatusResponse (the same key answers the first result)
 * - GET  /api/returns/status?returnId=<id>&locale=<…>             → ReturnStatusResponse
 */

export type ReturnLocale = "en" | "de" | "fr" | "es";
export type ReturnReasonValue = "size_too_small" | "size_too_large" | "unwanted" | "not_as_described" | "wrong_item" | "defective" | "style" | "color" | "other";
export type ReturnOutcomeValue = "exchange" | "store_credit" | "refund";
export type ReturnMethodValue = "mail_label" | "drop_off" | "in_store";

/** The shopper's choices so far; the server re-checks all of it on every call and trusts none of it. */
export interface ReturnDraft {
  items: { lineItemId: string; quantity: number; reason?: ReturnReasonValue; note?: string; photos?: string[] }[];
  outcome?: ReturnOutcomeValue;
  /** The variant chosen in place of each returned line, for an exchange. */
  exchange?: { lineItemId: string; variantId: string }[];
  method?: ReturnMethodValue;
}

/** The steps the preview checks; each answer names the step to show next. */
export type ReturnStep = "items" | "reasons" | "outcome" | "method";

export interface ReturnLineView {
  lineItemId: string;
  title: string;
  /** 0 when nothing of it can be returned. */
  returnableQuantity: number;
  /** "Returnable until 20 December" or why not, then any limit on outcomes. */
  explanations: string[];
}

export interface ReturnReasonView {
  value: ReturnReasonValue;
  label: string;
  /** What this reason asks for (a note, photos). */
  hints: string[];
}

export interface ExistingReturnView {
  returnId: string;
  name: string;
  status: string;
  /** Still being decided or handled (not closed, declined or cancelled). */
  open: boolean;
}

export interface ReturnOrderResponse {
  orderId: string;
  lines: ReturnLineView[];
  reasons: ReturnReasonView[];
  /** Photos per item the shopper may add. */
  maxPhotos: number;
  existingReturns: ExistingReturnView[];
  /** Some item can still be returned: the menu shows "Return or exchange". */
  canStart: boolean;
  /** The latest open return: the menu shows "View return" when nothing else can be returned. */
  openReturnId: string | null;
}

export interface ReturnPreviewRequest {
  orderId: string;
  locale?: ReturnLocale;
  /** The step just answered; everything up to it is checked. */
  step: ReturnStep;
  draft: ReturnDraft;
}

export interface OutcomeChoiceView {
  outcome: ReturnOutcomeValue;
  label: string;
  /** "includes €3.86 bonus credit" */
  bonus: string | null;
}

export interface ExchangePickerView {
  lineItemId: string;
  label: string;
  /** Live stock in the label; a variant short of stock for the quantity is disabled. */
  options: { value: string; label: string; disabled: boolean }[];
}

export interface MethodChoiceView {
  method: ReturnMethodValue;
  label: string;
  /** "Free" or "Return shipping: €4.95" */
  fee: string;
}

/** Everything the shopper confirms before submitting, worded by the server. */
export interface ReturnReviewView {
  items: { lineItemId: string; title: string; quantity: number; reason: string; explanations: string[] }[];
  outcome: string;
  method: string | null;
  exchange: string[];
  fees: string[];
  totals: { label: string; value: string }[];
  notes: string[];
  approval: string | null;
  /** Why it cannot be submitted; empty when it can. */
  blockers: string[];
  /** Send it back with the submit: a retried or doubled submit then creates one return. */
  idempotencyKey: string;
}

export type ReturnPreviewResponse =
  | { next: "reasons" }
  | { next: "outcome"; outcomes: OutcomeChoiceView[]; exchange: ExchangePickerView[]; exchangeUnavailable: boolean }
  | { next: "method"; methods: MethodChoiceView[] }
  | { next: "review"; review: ReturnReviewView };

export interface ReturnPhotoResponse {
  key: string;
}

export interface ReturnSubmitRequest {
  orderId: string;
  locale?: ReturnLocale;
  idempotencyKey: string;
  draft: ReturnDraft;
}

export interface ReturnStatusResponse {
  returnId: string;
  /** "Return #1001-R1" */
  heading: string;
  status: string;
  /** True on the answer to the submit that created it. */
  submitted: boolean;
  items: string[];
  outcome: string;
  money: { label: string; value: string }[];
  label: { url: string | null; tracking: string | null } | null;
  /** Every step so far, oldest first. */
  timeline: { at: string; text: string }[];
}

/** A 4xx answer: `fieldErrors` per step ("items", "reasons", "outcome", "exchange", "method", "photo", "draft.…"). */
export interface ReturnProblemResponse {
  error: string;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** For a submit the engine refused: the review with its blockers. */
  review?: ReturnReviewView;
}
