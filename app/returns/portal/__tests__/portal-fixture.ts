import { ForbiddenError, NotFoundError } from "~/errors";
import { evaluateReturnRequest } from "../../evaluate";
import type { ReturnOrderInput } from "../../order-schema";
import { returnOrderSchema } from "../../order-schema";
import { returnPolicySchema } from "../../policy-schema";
import type { SubmitReturnInput } from "../../submit.server";
import type { PortalReturnContext, PortalReturnSummary, ReturnsBackend } from "../backend";
import type { ExchangeOptions } from "../exchange-variants.server";

/** A fake returns backend (the contract of app/returns/submit.server.ts) over one order of Ada's. */

export const ADA = { legacyId: "7001", gid: "gid://shopify/Customer/7001" };
export const BO = { legacyId: "7002", gid: "gid://shopify/Customer/7002" };
export const ORDER = { legacyId: "5001", gid: "gid://shopify/Order/5001" };
export const SHIRT = "gid://shopify/LineItem/11";
export const SCARF = "gid://shopify/LineItem/12";
export const NOW = new Date("2026-11-20T12:00:00Z");

const order: ReturnOrderInput = {
  id: ORDER.gid,
  processedAt: "2026-11-01T10:00:00Z",
  fulfilledAt: "2026-11-02T10:00:00Z",
  deliveredAt: "2026-11-05T10:00:00Z",
  currency: "EUR",
  lines: [
    { lineItemId: SHIRT, productId: "gid://shopify/Product/21", variantId: "gid://shopify/ProductVariant/31", title: "Linen shirt", unitPrice: "40.00", discountedUnitPrice: "40.00", quantity: 2, fulfilledQuantity: 2 },
    { lineItemId: SCARF, productId: "gid://shopify/Product/22", variantId: "gid://shopify/ProductVariant/32", title: "Silk scarf", tags: ["clearance"], unitPrice: "25.00", discountedUnitPrice: "20.00", quantity: 1, fulfilledQuantity: 1 },
  ],
};

export const POLICY = returnPolicySchema.parse({
  rules: [{ id: "clearance", label: "Clearance", match: { tags: ["clearance"] }, effects: [{ type: "final_sale" }] }],
  outcomes: { offered: ["exchange", "store_credit", "refund"], storeCreditBonusPercent: 10 },
  fees: { returnShipping: "4.95" },
  methods: { mail_label: { offered: true }, in_store: { offered: true } },
});

export const EXCHANGE_OPTIONS: ExchangeOptions = new Map([
  [
    SHIRT,
    [
      { productId: "gid://shopify/Product/21", variantId: "gid://shopify/ProductVariant/31", productTitle: "Linen shirt", title: "M", price: "40.00", available: 5, availableForSale: true },
      { productId: "gid://shopify/Product/21", variantId: "gid://shopify/ProductVariant/33", productTitle: "Linen shirt", title: "L", price: "40.00", available: 1, availableForSale: true },
    ],
  ],
]);

export interface FakeBackend extends ReturnsBackend {
  submitted: SubmitReturnInput[];
}

export function fakeBackend(): FakeBackend {
  const submitted: SubmitReturnInput[] = [];
  const context = (): PortalReturnContext => ({
    order: returnOrderSchema.parse(order),
    policy: POLICY,
    timeZone: "Europe/Berlin",
    reasons: [],
    existingReturns: [],
  });
  const summary = (returnId: string): PortalReturnSummary => ({
    returnId,
    name: "#5001-R1",
    status: "requested",
    createdAt: NOW.toISOString(),
    outcome: "store_credit",
    items: [{ lineItemId: SHIRT, title: "Linen shirt", quantity: 1 }],
    label: null,
    refund: null,
    storeCredit: { amount: "38.55", currency: "EUR" },
    timeline: [{ at: NOW.toISOString(), kind: "requested", text: "Return requested" }],
    photos: [],
  });
  return {
    submitted,
    async loadReturnContext({ customerId, orderId }) {
      if (orderId !== ORDER.gid) throw new NotFoundError("Order", orderId);
      if (customerId !== ADA.gid) throw new ForbiddenError("This order belongs to another customer");
      return context();
    },
    async submitReturnRequest(input) {
      submitted.push(input);
      const photoCount = (lineItemId: string) => (input.photos ?? []).filter((photo) => photo.lineItemId === lineItemId).length;
      const decision = evaluateReturnRequest({
        policy: POLICY,
        order,
        request: { ...input.request, items: input.request.items.map((item) => ({ ...item, photoCount: photoCount(item.lineItemId) })) },
        now: NOW,
        timeZone: "Europe/Berlin",
      });
      return decision.submittable ? { ok: true, returnId: "case-1", status: "requested", decision } : { ok: false, decision };
    },
    async loadReturnSummary({ customerId, returnId }) {
      if (returnId !== "case-1") throw new NotFoundError("Return", returnId);
      if (customerId !== ADA.gid) throw new ForbiddenError("This return belongs to another customer");
      return summary(returnId);
    },
  };
}
