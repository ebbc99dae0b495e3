import { describe, expect, it } from "vitest";
import { DomainError, ShopifyUserErrorsError } from "~/errors";
import { useTestDatabase } from "~/test/database";
import { processWebhookEvent } from "~/webhooks/process.server";
import { WEBHOOK_HANDLERS } from "~/webhooks/topics.server";
import { approveReturn } from "../merchant-actions.server";
import { saveReturnPolicy } from "../policy-store.server";
import { submitReturnRequest } from "../submit.server";
import { rejected } from "./fake-admin";
import { CUSTOMER, depsFor, fakeShopify, MUG, MUG_FLI, MUG_PRODUCT, MUG_RED_VARIANT, NOW, ORDER, seedDeliveredOrder } from "./returns-scenario";

/**
 * Shopify takes exchange items only at returnCreate, so approving a requested exchange replaces the request: decline
 * (shopper not notified), then create the open return with the exchange. Each failure leaves Shopify and the case
 * agreeing on what exists.
 */
const database = useTestDatabase();
const prisma = () => database.get().prisma;
let counter = 0;

async function requestedExchange(options: { bonusPercent?: number; quantity?: number } = {}) {
  const { bonusPercent = 0, quantity = 1 } = options;
  const shop = `exchange-${++counter}-${Date.now()}.myshopify.com`;
  await seedDeliveredOrder(prisma(), shop);
  if (bonusPercent) await saveReturnPolicy(prisma(), shop, { outcomes: { exchangeBonusPercent: bonusPercent } });
  const shopify = fakeShopify();
  const deps = depsFor(prisma(), shopify);
  const result = await submitReturnRequest(
    {
      shop,
      customerId: CUSTOMER,
      orderId: ORDER,
      idempotencyKey: `exchange-review-${counter}`,
      request: {
        items: [{ lineItemId: MUG, quantity, reason: "color", note: "Prefer red" }],
        outcome: "exchange",
        method: "mail_label",
        exchange: { items: [{ productId: MUG_PRODUCT, variantId: MUG_RED_VARIANT, title: "Mug", unitPrice: "19.50", quantity }] },
      },
    },
    deps,
  );
  if (!result.ok || result.status !== "requested") throw new Error("expected a requested exchange");
  const row = await prisma().returnCase.findUniqueOrThrow({ where: { shop_id: { shop, id: result.returnId } } });
  return { shop, shopify, deps, id: result.returnId, requestId: row.shopifyReturnId! };
}

const caseRow = (shop: string, id: string) => prisma().returnCase.findUniqueOrThrow({ where: { shop_id: { shop, id } } });

describe("approving an exchange that needed review", () => {
  it("GIVEN a requested exchange WHEN approved THEN the request is declined quietly and an open return with the same line, reason, date and the exchange variant replaces it", async () => {
    const { shop, shopify, deps, id, requestId } = await requestedExchange();

    await approveReturn(deps, shop, id);

    expect(shopify.count("AftercareReturnApprove")).toBe(0);
    expect(shopify.last("AftercareReturnDecline")).toEqual({ input: expect.objectContaining({ id: requestId, declineReason: "OTHER", notifyCustomer: false }) });
    expect(shopify.last("AftercareReturnCreate")).toEqual({
      returnInput: {
        orderId: ORDER,
        notifyCustomer: false,
        requestedAt: NOW.toISOString(),
        returnLineItems: [{ fulfillmentLineItemId: MUG_FLI, quantity: 1, returnReason: "COLOR", returnReasonNote: "Prefer red" }],
        exchangeLineItems: [{ variantId: MUG_RED_VARIANT, quantity: 1 }],
      },
    });
    const row = await caseRow(shop, id);
    expect(row).toMatchObject({ status: "open", approvedAt: NOW });
    expect(row.shopifyReturnId).not.toBe(requestId);
  });

  it("GIVEN a requested exchange whose bonus counts toward the pricier items WHEN approved THEN each new unit goes to returnCreate on its own with its share of the stored bonus as a fixed discount", async () => {
    // Two 18.00 mugs less 6.00 in fees (30.00) for two 19.50 ones (39.00): 10% bonus (3.00) toward them, 6.00 to pay.
    const { shop, shopify, deps, id } = await requestedExchange({ bonusPercent: 10, quantity: 2 });
    expect(await caseRow(shop, id)).toMatchObject({ bonusAmount: "3.00", amountDue: "6.00", currency: "EUR" });

    await approveReturn(deps, shop, id);

    const bonus = (amount: string) => ({ description: "Exchange bonus", value: { amount: { amount, currencyCode: "EUR" } } });
    expect(shopify.last("AftercareReturnCreate")).toMatchObject({
      returnInput: {
        returnLineItems: [{ fulfillmentLineItemId: MUG_FLI, quantity: 2 }],
        exchangeLineItems: [
          { variantId: MUG_RED_VARIANT, quantity: 1, appliedDiscount: bonus("1.50") },
          { variantId: MUG_RED_VARIANT, quantity: 1, appliedDiscount: bonus("1.50") },
        ],
      },
    });
  });

  it("GIVEN Shopify refuses to decline the request WHEN approving THEN its message surfaces, nothing is created and the case is still requested", async () => {
    const { shop, shopify, deps, id, requestId } = await requestedExchange();
    shopify.on("AftercareReturnDecline", () => ({ returnDeclineRequest: rejected("id", "Return is not declinable") }));

    await expect(approveReturn(deps, shop, id)).rejects.toThrow("Return is not declinable");

    expect(shopify.count("AftercareReturnCreate")).toBe(0);
    expect(await caseRow(shop, id)).toMatchObject({ status: "requested", shopifyReturnId: requestId });
  });

  it("GIVEN Shopify refuses the new return WHEN approving THEN the request is asked for again and the case stays requested under it", async () => {
    const { shop, shopify, deps, id, requestId } = await requestedExchange();
    shopify.on("AftercareReturnCreate", () => ({ returnCreate: rejected("exchangeLineItems.0.variantId", "Variant is out of stock") }));
    shopify.on("AftercareReturnRequest", () => ({ returnRequest: { return: { id: "gid://shopify/Return/990", name: "#1001-R3", status: "REQUESTED" }, userErrors: [] } }));

    await expect(approveReturn(deps, shop, id)).rejects.toBeInstanceOf(ShopifyUserErrorsError);

    expect(shopify.last("AftercareReturnRequest")).toMatchObject({ input: { orderId: ORDER, returnLineItems: [{ fulfillmentLineItemId: MUG_FLI, quantity: 1 }] } });
    expect(await caseRow(shop, id)).toMatchObject({ status: "requested", shopifyReturnId: "gid://shopify/Return/990", name: "#1001-R3" });
    expect(requestId).not.toBe("gid://shopify/Return/990");
  });

  it("GIVEN the new return and the restored request both fail WHEN approving THEN the case says declined rather than offering an approval that cannot work", async () => {
    const { shop, shopify, deps, id } = await requestedExchange();
    shopify.on("AftercareReturnCreate", () => ({ returnCreate: rejected("orderId", "Order is archived") }));
    shopify.on("AftercareReturnRequest", () => ({ returnRequest: rejected("orderId", "Order is archived") }));

    await expect(approveReturn(deps, shop, id)).rejects.toThrow("Order is archived");

    expect(await caseRow(shop, id)).toMatchObject({ status: "declined", declineReason: "OTHER" });
  });

  it("GIVEN two staff members WHEN both approve at once THEN one replaces the request and the other is refused, Shopify asked once", async () => {
    const { shop, shopify, deps, id } = await requestedExchange();

    const results = await Promise.allSettled([approveReturn(deps, shop, id), approveReturn(deps, shop, id)]);

    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refusal = results.find((result) => result.status === "rejected")!.reason;
    expect(refusal).toBeInstanceOf(DomainError);
    expect(shopify.count("AftercareReturnDecline")).toBe(1);
    expect(shopify.count("AftercareReturnCreate")).toBe(1);
    expect(await caseRow(shop, id)).toMatchObject({ status: "open" });
  });

  it("GIVEN the replaced request's decline webhook WHEN Shopify delivers it after the approval THEN the case stays open", async () => {
    const { shop, deps, id, requestId } = await requestedExchange();
    await approveReturn(deps, shop, id);

    const payload = { id: Number(requestId.split("/").pop()), admin_graphql_api_id: requestId, status: "declined", order: { id: 9001, admin_graphql_api_id: ORDER }, decline: { reason: "other", note: "replaced" } };
    const event = await prisma().webhookEvent.create({ data: { shop, webhookId: `wh-exchange-${counter}`, topic: "returns/decline", status: "received", payload: JSON.stringify(payload), triggeredAt: NOW } });
    await processWebhookEvent(prisma(), shop, event.id, WEBHOOK_HANDLERS, { attempt: 1, maxAttempts: 8 });

    expect(await caseRow(shop, id)).toMatchObject({ status: "open" });
    expect(await prisma().returnEvent.count({ where: { shop, returnId: id, kind: "declined" } })).toBe(0);
  });
});
