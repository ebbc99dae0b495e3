/**
 * The return endpoints' wire types, imported from the server as types only (the bundle carries no server code
 * and the two sides cannot drift), plus the part of the host API the flow uses.
 */
export type {
  ExchangePickerView,
  MethodChoiceView,
  OutcomeChoiceView,
  ReturnDraft,
  ReturnOrderResponse,
  ReturnPhotoResponse,
  ReturnPreviewResponse,
  ReturnProblemResponse,
  ReturnReviewView,
  ReturnStatusResponse,
  ReturnStep,
} from "../../../app/returns/account/contract";

/** What the menu item and the flow need from their target's API, so tests can hand them a fake. */
export interface ReturnsHost {
  orderId: string;
  /** The shopper's language as the extension supports it (en, de, fr, es). */
  locale: string;
  getSessionToken(): Promise<string>;
  translate(key: string, replacements?: Record<string, string | number>): string;
  formatDate(date: Date): string;
}
