import en from "../../../return-request/locales/en.default.json" with { type: "json" };
import type { ReturnOrderResponse, ReturnsHost, ReturnStatusResponse } from "../contract";

/** A stand-in for the customer-account API: English strings from the return extensions' locale file, UTC dates. */
export function fakeHost(overrides: Partial<ReturnsHost> = {}): ReturnsHost {
  return {
    orderId: "gid://shopify/Order/5001",
    locale: "en",
    getSessionToken: async () => "session-token",
    translate: (key, replacements = {}) => {
      const template = (en as Record<string, string>)[key];
      if (typeof template !== "string") throw new Error(`missing translation ${key}`);
      return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(replacements[name]));
    },
    formatDate: (date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(date),
    ...overrides,
  };
}

export const SHIRT = "gid://shopify/LineItem/11";

/** An order with a shirt that can still be returned and an earlier return under way. */
export const orderAnswer: ReturnOrderResponse = {
  orderId: "gid://shopify/Order/5001",
  lines: [
    { lineItemId: SHIRT, title: "Linen shirt", returnableQuantity: 2, explanations: ["Returnable until Friday, 5 December"] },
    { lineItemId: "gid://shopify/LineItem/12", title: "Silk scarf", returnableQuantity: 0, explanations: ["Final sale — this item can't be returned"] },
  ],
  reasons: [{ value: "size_too_large", label: "Too large", hints: ["Optional. JPEG, PNG, GIF, WebP or HEIC, up to 10 MB each."] }],
  maxPhotos: 10,
  existingReturns: [{ returnId: "case-1", name: "#5001-R1", status: "Approved — send the items back", open: true }],
  canStart: true,
  openReturnId: "case-1",
};

export const statusAnswer: ReturnStatusResponse = {
  returnId: "case-1",
  heading: "Return #5001-R1",
  status: "Approved — send the items back",
  submitted: false,
  items: ["Linen shirt × 1"],
  outcome: "Store credit",
  money: [{ label: "Store credit", value: "€38.55" }],
  label: { url: "https://labels.example/5001-R1.pdf", tracking: "Tracking number 1Z999AA10123456784" },
  timeline: [
    { at: "2026-11-20T12:00:00.000Z", text: "Return requested" },
    { at: "2026-11-21T09:30:00.000Z", text: "Return approved" },
  ],
};
