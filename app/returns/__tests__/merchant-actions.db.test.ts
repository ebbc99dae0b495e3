import { describe, expect, it } from "vitest";
import { ConflictError, InvalidInputError, NotFoundError, ShopifyUserErrorsError } from "~/errors";
import { useTestDatabase } from "~/test/database";
import { loadCaseSummary } from "../case-store.server";
import type { CarrierLabelProvider } from "../labels/provider";
import {
  approveReturn,
  attachUploadedLabel,
  buyReturnLabel,
  closeReturn,
  declineReturn,
  decideReturns,
  markReturnReceived,
  processReturn,
} from "../merchant-actions.server";
import { CurrencyMismatchError } from "../money";
import { saveReturnPolicy } from "../policy-store.server";
import { fetchShopifyReturn } from "../shopify-returns.server";
import { submitReturnRequest } from "../submit.server";
import { rejected } from "./fake-admin";
import { depsFor, fakeShopify, MUG, MUG_FLI, ORDER, refundOneMug, seedDeliveredOrder } from "./returns-scenario";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
let counter = 0;

async function requestedReturn(key = "merchant-key-1", overrides: Partial<ReturnType<typeof refundOneMug>["request"]> = {}) {
  const shop = `merchant-${++counter}-${Date.now()}.myshopify.com`;
  await seedDeliveredOrder(prisma(), shop);
  const shopify = fakeShopify();
  const deps = depsFor(prisma(), shopify);
  const input = refundOneMug(key);
  const result = await submitReturnRequest({ ...input, shop, request: { ...input.request, ...overrides } }, deps);
  if (!result.ok) throw new Error("expected a submitted return");
  return { shop, shopify, deps, id: result.returnId };
}

const status = async (shop: string, id: string) => (await prisma().returnCase.findUniqueOrThrow({ where: { shop_id: { shop, id } } })).status;

describe("merchant actions", () => {
  it("GIVEN a requested return WHEN approved THEN Shopify approves it and the timeline says so", async () => {
    const { shop, shopify, deps, id } = await requestedReturn();

    await approveReturn(deps, shop, id);

    const { shopifyReturnId } = await prisma().returnCase.findUniqueOrThrow({ where: { shop_id: { shop, id } } });
    expect(shopify.last("AftercareReturnApprove")).toEqual({ input: { id: shopifyReturnId, notifyCustomer: false } });
    expect(await status(shop, id)).toBe("open");
    const summary = await loadCaseSummary(prisma(), shop, id);
    expect(summary.timeline.map((event) => event.kind)).toEqual(["requested", "approved"]);
  });

  it("GIVEN a requested return WHEN approved THEN the shopper's messages for both steps are queued in the outbox, once each", async () => {
    const { shop, deps, id } = await requestedReturn();

    await approveReturn(deps, shop, id);
    await expect(approveReturn(deps, shop, id)).rejects.toBeInstanceOf(ConflictError);

    const messages = await prisma().notificationMessage.findMany({ where: { shop, orderId: ORDER, trigger: "return_update" }, select: { dedupeKey: true } });
    const keys = messages.map((message) => message.dedupeKey);
    expect(keys).toHaveLength(2);
    expect(keys.filter((key) => key.includes("requested"))).toHaveLength(1);
    expect(keys.filter((key) => key.includes("approved"))).toHaveLength(1);
  });

  it("GIVEN an approved return WHEN approved again THEN it is ConflictError and Shopify is not asked twice", async () => {
    const { shop, shopify, deps, id } = await requestedReturn();
    await approveReturn(deps, shop, id);

    await expect(approveReturn(deps, shop, id)).rejects.toBeInstanceOf(ConflictError);
    expect(shopify.count("AftercareReturnApprove")).toBe(1);
  });

  it("GIVEN Shopify refuses the approval WHEN approving THEN its message surfaces and the case stays requested", async () => {
    const { shop, shopify, deps, id } = await requestedReturn();
    shopify.on("AftercareReturnApprove", () => ({ returnApproveRequest: rejected("id", "Return is not requested") }));

    await expect(approveReturn(deps, shop, id)).rejects.toThrow(ShopifyUserErrorsError);
    await expect(approveReturn(deps, shop, id)).rejects.toThrow("Return is not requested");
    expect(await status(shop, id)).toBe("requested");
  });

  it("GIVEN a requested return WHEN declined with a reason and note THEN Shopify gets both and the case is declined", async () => {
    const { shop, shopify, deps, id } = await requestedReturn();

    await declineReturn(deps, shop, id, { reason: "FINAL_SALE", note: "Swimwear is final sale" });

    expect(shopify.last("AftercareReturnDecline")).toMatchObject({ input: { declineReason: "FINAL_SALE", declineNote: "Swimwear is final sale" } });
    const row = await prisma().returnCase.findUniqueOrThrow({ where: { shop_id: { shop, id } } });
    expect(row).toMatchObject({ status: "declined", declineReason: "FINAL_SALE", declineNote: "Swimwear is final sale" });
  });

  it.each([
    [{ reason: "OTHER" }, "note"],
    [{ reason: "BECAUSE" }, "reason"],
    [{}, "reason"],
  ])("GIVEN decline input %j WHEN declining THEN it is InvalidInputError on %s and Shopify is not asked", async (input, field) => {
    const { shop, shopify, deps, id } = await requestedReturn();

    const failure = declineReturn(deps, shop, id, input as never);

    await expect(failure).rejects.toBeInstanceOf(InvalidInputError);
    await expect(failure).rejects.toMatchObject({ fieldErrors: { [field]: expect.any(Array) } });
    expect(shopify.count("AftercareReturnDecline")).toBe(0);
  });

  it("GIVEN three ids, one unknown and one already approved WHEN bulk approved THEN each gets its own result", async () => {
    const { shop, deps, id } = await requestedReturn("bulk-key-1");
    const second = await submitReturnRequest({ ...refundOneMug("bulk-key-2"), shop, request: { ...refundOneMug().request, items: [{ lineItemId: MUG, quantity: 1, reason: "unwanted" }] } }, deps);
    if (!second.ok) throw new Error("expected a submitted return");
    await approveReturn(deps, shop, second.returnId);

    const results = await decideReturns(deps, shop, [id, second.returnId, "missing"], { action: "approve" });

    expect(results).toEqual([
      { id, ok: true },
      { id: second.returnId, ok: false, error: expect.stringContaining("cannot be approved now") },
      { id: "missing", ok: false, error: "Return missing was not found" },
    ]);
  });

  it("GIVEN a bulk decline without a reason THEN nothing is declined", async () => {
    const { shop, shopify, deps, id } = await requestedReturn();

    await expect(decideReturns(deps, shop, [id], { action: "decline", decline: { reason: "OTHER" } })).rejects.toBeInstanceOf(InvalidInputError);
    expect(shopify.count("AftercareReturnDecline")).toBe(0);
  });

  it("GIVEN another shop WHEN it acts on this shop's return THEN it is NotFoundError", async () => {
    const { deps, id } = await requestedReturn();

    await expect(approveReturn(deps, "intruder.myshopify.com", id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("GIVEN an approved return WHEN a provider label is bought THEN the reverse delivery carries tracking and label URL and a return shipment is tracked", async () => {
    const { shop, shopify, deps, id } = await requestedReturn();
    await approveReturn(deps, shop, id);
    const provider: CarrierLabelProvider = {
      name: "fake",
      buyLabel: async (request) => ({
        provider: "easypost",
        externalId: "shp_1",
        carrier: "USPS",
        service: "GroundAdvantage",
        trackingNumber: "9400 1000 0000 0000 0000 00",
        trackingUrl: "https://track.example/1",
        labelUrl: `https://labels.example/${encodeURIComponent(request.reference)}.png`,
        rate: { amount: "7.58", currency: "USD" },
      }),
    };
    const address = { name: "A", street1: "1 St", city: "X", zip: "1", country: "US" };

    await buyReturnLabel(deps, shop, id, provider, { from: address, to: address, parcel: { weightOz: 10 } });

    expect(shopify.last("AftercareReverseDelivery")).toEqual({
      reverseFulfillmentOrderId: "gid://shopify/ReverseFulfillmentOrder/1",
      reverseDeliveryLineItems: [{ reverseFulfillmentOrderLineItemId: "gid://shopify/ReverseFulfillmentOrderLineItem/1", quantity: 1 }],
      trackingInput: { number: "9400 1000 0000 0000 0000 00", url: "https://track.example/1" },
      labelInput: { fileUrl: "https://labels.example/%231001-R1.png" },
    });
    const shipment = await prisma().shipment.findFirstOrThrow({ where: { shop, kind: "return" } });
    expect(shipment).toMatchObject({ orderId: ORDER, carrier: "usps", trackingKey: "9400100000000000000000", status: "label_created", fulfillmentId: "gid://shopify/ReverseDelivery/1" });
    const summary = await loadCaseSummary(prisma(), shop, id);
    expect(summary.label).toEqual({ url: "https://labels.example/%231001-R1.png", trackingNumber: "9400 1000 0000 0000 0000 00", carrier: "usps" });
  });

  it("GIVEN a requested (unapproved) return WHEN a label is attached THEN it is ConflictError", async () => {
    const { shop, deps, id } = await requestedReturn();

    await expect(attachUploadedLabel(deps, shop, id, { labelUrl: "https://files.example/label.pdf" })).rejects.toBeInstanceOf(ConflictError);
  });

  it("GIVEN an uploaded label over http WHEN attached THEN it is InvalidInputError", async () => {
    const { shop, deps, id } = await requestedReturn();
    await approveReturn(deps, shop, id);

    await expect(attachUploadedLabel(deps, shop, id, { labelUrl: "http://files.example/label.pdf" })).rejects.toMatchObject({
      fieldErrors: { labelUrl: ["must be an https URL"] },
    });
  });

  it("GIVEN Shopify refuses the reverse delivery WHEN a label is uploaded THEN nothing is recorded", async () => {
    const { shop, shopify, deps, id } = await requestedReturn();
    await approveReturn(deps, shop, id);
    shopify.on("AftercareReverseDelivery", () => ({ reverseDeliveryCreateWithShipping: { reverseDelivery: null, userErrors: [{ field: ["labelInput"], message: "File URL is invalid", code: "INVALID" }] } }));

    await expect(attachUploadedLabel(deps, shop, id, { labelUrl: "https://files.example/qr.png", carrier: "DHL", trackingNumber: "JJD0001" })).rejects.toThrow("File URL is invalid");
    expect(await prisma().returnLabel.count({ where: { shop } })).toBe(0);
    expect(await prisma().shipment.count({ where: { shop, kind: "return" } })).toBe(0);
  });

  it("GIVEN a store-credit return with bonus WHEN received and processed THEN returnProcess issues the credit incl. bonus and closing closes it", async () => {
    const shop = `merchant-credit-${Date.now()}.myshopify.com`;
    await seedDeliveredOrder(prisma(), shop);
    await saveReturnPolicy(prisma(), shop, { outcomes: { storeCreditBonusPercent: 10 } });
    const shopify = fakeShopify();
    const deps = depsFor(prisma(), shopify);
    const submitted = await submitReturnRequest({ ...refundOneMug("credit-key-1"), shop, request: { ...refundOneMug().request, outcome: "store_credit" } }, deps);
    if (!submitted.ok) throw new Error("expected a submitted return");
    const id = submitted.returnId;
    await approveReturn(deps, shop, id);

    await markReturnReceived(deps, shop, id);
    await processReturn(deps, shop, id);
    await closeReturn(deps, shop, id);

    expect(shopify.last("AftercareReturnProcess")).toEqual({
      input: {
        returnId: expect.stringMatching(/^gid:\/\/shopify\/Return\//),
        notifyCustomer: false,
        returnLineItems: [{ id: "gid://shopify/ReturnLineItem/1", quantity: 1 }],
        exchangeLineItems: [],
        financialTransfer: { issueRefund: { orderTransactions: [], refundMethods: [{ storeCreditRefund: { amount: { amount: "16.50", currencyCode: "EUR" } } }], allowOverRefunding: true } },
      },
    });
    const summary = await loadCaseSummary(prisma(), shop, id);
    expect(summary.status).toBe("closed");
    expect(summary.storeCredit).toEqual({ amount: "16.50", currency: "EUR" });
    expect(summary.timeline.map((event) => event.kind)).toEqual(["requested", "approved", "received", "processed", "closed"]);
    expect(summary.timeline[3]!.text).toBe("Return processed: 16.50 EUR store credit issued");
  });

  it("GIVEN a refund return WHEN processed THEN the refund goes to the order's captured payment", async () => {
    const { shop, shopify, deps, id } = await requestedReturn();
    await approveReturn(deps, shop, id);

    await processReturn(deps, shop, id);

    expect(shopify.last("AftercareReturnProcess")).toMatchObject({
      input: { financialTransfer: { issueRefund: { orderTransactions: [{ parentId: "gid://shopify/OrderTransaction/1", transactionAmount: { amount: "15.00", currencyCode: "EUR" } }], refundMethods: [], allowOverRefunding: false } } },
    });
    expect(await status(shop, id)).toBe("processed");
  });

  it("GIVEN a refund return on an order the shopper paid in another currency WHEN processed THEN CurrencyMismatchError (409) before returnProcess, and the case is unchanged", async () => {
    const { shop, shopify, deps, id } = await requestedReturn();
    await approveReturn(deps, shop, id);
    shopify.on("AftercareReturnDetails", (variables) => ({
      return: {
        id: variables.id,
        status: "OPEN",
        returnLineItems: { nodes: [{ id: "gid://shopify/ReturnLineItem/1", processableQuantity: 1, fulfillmentLineItem: { id: MUG_FLI } }] },
        exchangeLineItems: { nodes: [] },
        reverseFulfillmentOrders: { nodes: [] },
        order: { id: ORDER, transactions: [{ id: "gid://shopify/OrderTransaction/1", kind: "SALE", status: "SUCCESS", amountSet: { presentmentMoney: { currencyCode: "CHF" } } }] },
      },
    }));

    const processing = processReturn(deps, shop, id);

    await expect(processing).rejects.toBeInstanceOf(CurrencyMismatchError);
    await expect(processing).rejects.toThrow("was paid in CHF but this return's refund is in EUR; refund it in Shopify admin");
    expect(shopify.count("AftercareReturnProcess")).toBe(0);
    expect(await status(shop, id)).toBe("open");
  });

  it("GIVEN the payment's currency is the return's WHEN processed THEN the refund is sent", async () => {
    const { shop, shopify, deps, id } = await requestedReturn();
    await approveReturn(deps, shop, id);

    await processReturn(deps, shop, id);

    expect(shopify.count("AftercareReturnProcess")).toBe(1);
  });

  it("GIVEN Shopify refuses processing WHEN processing THEN its message surfaces and the case is unchanged", async () => {
    const { shop, shopify, deps, id } = await requestedReturn();
    await approveReturn(deps, shop, id);
    shopify.on("AftercareReturnProcess", () => ({ returnProcess: rejected("financialTransfer", "Refund amount exceeds refundable amount") }));

    await expect(processReturn(deps, shop, id)).rejects.toThrow("Refund amount exceeds refundable amount");
    expect(await status(shop, id)).toBe("open");
  });

  it("GIVEN Shopify already closed the processed return WHEN closing THEN returnClose is not sent and the case is closed", async () => {
    const { shop, shopify, deps, id } = await requestedReturn();
    await approveReturn(deps, shop, id);
    await processReturn(deps, shop, id);
    const { shopifyReturnId } = await prisma().returnCase.findUniqueOrThrow({ where: { shop_id: { shop, id } } });
    // Shopify closes a return by itself once every line is processed.
    const processed = await fetchShopifyReturn(shopify, shopifyReturnId!);
    shopify.on("AftercareReturnDetails", () => ({ return: { ...processed, status: "CLOSED" } }));

    await closeReturn(deps, shop, id);

    expect(shopify.count("AftercareReturnClose")).toBe(0);
    expect(await status(shop, id)).toBe("closed");
  });

  it("GIVEN Shopify refuses closing WHEN closing THEN its message surfaces", async () => {
    const { shop, shopify, deps, id } = await requestedReturn();
    await approveReturn(deps, shop, id);
    shopify.on("AftercareReturnClose", () => ({ returnClose: rejected("id", "Return cannot be closed") }));

    await expect(closeReturn(deps, shop, id)).rejects.toThrow("Return cannot be closed");
    expect(await status(shop, id)).toBe("open");
  });

  it("GIVEN Shopify refuses the decline WHEN declining THEN its message surfaces", async () => {
    const { shop, shopify, deps, id } = await requestedReturn();
    shopify.on("AftercareReturnDecline", () => ({ returnDeclineRequest: rejected("declineReason", "Decline reason is invalid") }));

    await expect(declineReturn(deps, shop, id, { reason: "RETURN_PERIOD_ENDED" })).rejects.toThrow("Decline reason is invalid");
    expect(await status(shop, id)).toBe("requested");
  });
});
