import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdminGraphqlClient } from "~/shopify/admin-graphql.server";
import { useTestDatabase } from "~/test/database";
import type { StandIn } from "../../../sim/index";
import { adminData, createSimpleCatalog, FakeApp, offlineToken, SHOP, startTestStandIn } from "../../../sim/__tests__/helpers";
import { toGid } from "../../../sim/store/ids";
import { logger } from "~/logger.server";
import { action as easyPostWebhook } from "~/routes/carriers.easypost.$shop";
import { APPLY_CARRIER_UPDATE_JOB } from "~/tracking/sources/carrier-update-inbox.server";
import { connectCarrierSource } from "~/tracking/sources/carrier-source-settings.server";
import { applyCarrierUpdateJob } from "~/tracking/sources/easypost/apply-carrier-update.server";
import { type DetailInput, tracker, trackerEvent } from "~/tracking/sources/easypost/__tests__/easypost-samples";
import { easyPostSignature } from "~/tracking/sources/easypost/signature";
import { loadCaseSummary } from "../case-store.server";
import { saveReturnPolicy } from "../policy-store.server";
import { approveReturn, attachUploadedLabel, processReturn } from "../merchant-actions.server";
import type { ReturnsDeps } from "../returns-deps.server";
import { submitReturnRequest } from "../submit.server";

/**
 * The whole merchant flow against the Shopify stand-in, whose Returns API checks quantities, statuses and
 * refunds as Shopify does: request → approve → label → the carrier's scans of the return parcel (EasyPost
 * webhooks through the app's route and job) → received → process with refund or exchange → close.
 */
const database = useTestDatabase();
const prisma = () => database.get().prisma;

let app: FakeApp;
let standIn: StandIn;
let token = "";

function standInAdmin(): AdminGraphqlClient {
  return {
    graphql: (query, options) =>
      fetch(`${standIn.url}/${SHOP}/admin/api/2026-07/graphql.json`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
        body: JSON.stringify({ query, variables: options?.variables ?? {} }),
      }),
  };
}

const EASYPOST_SECRET = "whsec-standin-flow-0001";

beforeAll(async () => {
  app = await new FakeApp().start();
  standIn = await startTestStandIn(app);
  token = await offlineToken(standIn);
  // The stand-in's shop sells in USD (its default); our synced row says the same.
  await prisma().shop.create({ data: { shop: SHOP, currencyCode: "USD", ianaTimezone: "Europe/Berlin" } });
  await connectCarrierSource(prisma(), SHOP, { provider: "easypost", webhookSecret: EASYPOST_SECRET });
});

/** A fulfilled order of `quantity` blue mugs in the stand-in, synced into our database as the webhooks would. */
async function fulfilledOrder(quantity: number) {
  const catalog = createSimpleCatalog(standIn);
  const order = standIn.store.createOrder(SHOP, { customerId: catalog.customer.id, lineItems: [{ variantId: catalog.variants[0]!.id, quantity }] });
  const fulfillment = standIn.store.fulfillOrder(SHOP, order.id, { tracking: [{ number: "1Z999AA10123456784", company: "UPS" }] });
  const orderId = toGid("Order", order.id);
  const lineItemId = toGid("LineItem", order.lineItems[0]!.id);
  const customerId = toGid("Customer", catalog.customer.id);
  const at = new Date();
  await prisma().order.create({ data: { shop: SHOP, id: orderId, name: order.name, customerId, currencyCode: null, processedAt: at, shopifyUpdatedAt: at } });
  await prisma().lineItem.create({ data: { shop: SHOP, id: lineItemId, orderId, title: "Trail Mug", quantity, price: "18.00" } });
  const fulfillmentId = toGid("Fulfillment", fulfillment.id);
  await prisma().fulfillment.create({ data: { shop: SHOP, id: fulfillmentId, orderId, status: "success", shopifyCreatedAt: at, shopifyUpdatedAt: at } });
  await prisma().fulfillmentLineItem.create({ data: { shop: SHOP, fulfillmentId, lineItemId, quantity } });
  return { catalog, orderId, lineItemId, customerId };
}

/** The carrier's scans of a return parcel as EasyPost delivers them: a signed webhook, then its job. */
async function carrierScans(trackingCode: string, eventId: string, details: DetailInput[]): Promise<void> {
  const body = JSON.stringify(trackerEvent(eventId, tracker(trackingCode, details, { is_return: true })));
  const headers = { "content-type": "application/json", "x-hmac-signature": easyPostSignature(new TextEncoder().encode(body), EASYPOST_SECRET) };
  const response = await easyPostWebhook({ request: new Request(`https://app.example/carriers/easypost/${SHOP}`, { method: "POST", headers, body }), params: { shop: SHOP }, context: {} });
  expect(response.status).toBe(200);
  for (const job of await prisma().job.findMany({ where: { shop: SHOP, name: APPLY_CARRIER_UPDATE_JOB, status: "queued" }, orderBy: { createdAt: "asc" } })) {
    const context = { db: prisma(), shop: SHOP, logger, signal: new AbortController().signal, job: { id: job.id, name: job.name, attempt: 1, maxAttempts: 8 } };
    await applyCarrierUpdateJob.handle(context, applyCarrierUpdateJob.payload.parse(JSON.parse(job.payload)));
    await prisma().job.update({ where: { id: job.id }, data: { status: "succeeded" } });
  }
}

/** The merchant's clock, started a few hours back so the carrier's scans fall between the merchant's steps. */
function merchantClock() {
  let now = new Date(Date.now() - 3 * 3_600_000);
  return { now: () => now, advance: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)).toISOString() };
}

const accepted = (at: string): DetailInput => ({ datetime: at, status: "in_transit", status_detail: "arrived_at_facility", message: "Accepted at USPS Origin Facility" });
const delivered = (at: string): DetailInput => ({ datetime: at, status: "delivered", status_detail: "arrived_at_destination", message: "Delivered" });

afterAll(async () => {
  await standIn?.close();
  await app?.stop();
});

describe("returns against the Shopify stand-in", () => {
  it("GIVEN a fulfilled order WHEN the shopper requests a refund, the merchant approves and labels, the carrier delivers the parcel back and the merchant processes THEN Shopify closes the return with the refund, and so does the case", async () => {
    const { orderId, lineItemId, customerId } = await fulfilledOrder(2);
    const clock = merchantClock();
    const deps: ReturnsDeps = { db: prisma(), admin: async () => standInAdmin(), now: clock.now };

    const submitted = await submitReturnRequest(
      { shop: SHOP, customerId, orderId, idempotencyKey: "standin-flow-1", request: { items: [{ lineItemId, quantity: 1, reason: "size_too_small" }], outcome: "refund", method: "mail_label" } },
      deps,
    );
    expect(submitted).toMatchObject({ ok: true, status: "requested" });
    if (!submitted.ok) return;
    const id = submitted.returnId;
    await approveReturn(deps, SHOP, id);
    await attachUploadedLabel(deps, SHOP, id, { labelUrl: "https://files.example/label.pdf", trackingNumber: "9400100000000000000000", carrier: "USPS" });
    const scans = [accepted(clock.advance(30))];
    await carrierScans("9400100000000000000000", "evt_flow_1", scans);
    expect((await loadCaseSummary(prisma(), SHOP, id)).status).toBe("in_transit");
    scans.push(delivered(clock.advance(60)));
    await carrierScans("9400100000000000000000", "evt_flow_2", scans);
    expect((await loadCaseSummary(prisma(), SHOP, id)).status).toBe("received");
    clock.advance(30);
    // Every item is processed, so Shopify closes the return itself and its answer closes the case.
    await processReturn(deps, SHOP, id);

    const { shopifyReturnId } = await prisma().returnCase.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id } } });
    const data = await adminData(
      standIn,
      token,
      `query ($id: ID!) { return(id: $id) { status refunds(first: 2) { nodes { totalRefundedSet { shopMoney { amount } } } }
        reverseFulfillmentOrders(first: 1) { nodes { reverseDeliveries(first: 1) { nodes { deliverable { ... on ReverseDeliveryShippingDeliverable { tracking { number } label { publicFileUrl } } } } } } } } }`,
      { id: shopifyReturnId },
    );
    expect(data.return.status).toBe("CLOSED");
    expect(data.return.refunds.nodes.map((refund: { totalRefundedSet: { shopMoney: { amount: string } } }) => Number(refund.totalRefundedSet.shopMoney.amount))).toEqual([18]);
    expect(data.return.reverseFulfillmentOrders.nodes[0].reverseDeliveries.nodes[0].deliverable).toMatchObject({
      tracking: { number: "9400100000000000000000" },
      label: { publicFileUrl: "https://files.example/label.pdf" },
    });
    const summary = await loadCaseSummary(prisma(), SHOP, id);
    expect(summary.status).toBe("closed");
    expect(summary.timeline.map((event) => event.kind)).toEqual(["requested", "approved", "label_created", "in_transit", "received", "processed", "closed"]);
  });

  it("GIVEN an exchange that needs review WHEN the merchant approves it, the parcel comes back and the return is processed THEN Shopify records the exchange on a return that replaced the request", async () => {
    const { catalog, orderId, lineItemId, customerId } = await fulfilledOrder(1);
    const red = toGid("ProductVariant", catalog.variants[1]!.id);
    const clock = merchantClock();
    const deps: ReturnsDeps = { db: prisma(), admin: async () => standInAdmin(), now: clock.now };
    const submitted = await submitReturnRequest(
      {
        shop: SHOP,
        customerId,
        orderId,
        idempotencyKey: "standin-exchange-1",
        request: {
          items: [{ lineItemId, quantity: 1, reason: "color" }],
          outcome: "exchange",
          method: "mail_label",
          exchange: { items: [{ productId: toGid("Product", catalog.product.id), variantId: red, title: "Trail Mug – Red", unitPrice: "19.00", quantity: 1 }] },
        },
      },
      deps,
    );
    expect(submitted).toMatchObject({ ok: true, status: "requested" });
    if (!submitted.ok) return;
    const id = submitted.returnId;
    const request = await prisma().returnCase.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id } } });

    await approveReturn(deps, SHOP, id);
    const approved = await prisma().returnCase.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id } } });
    expect(approved).toMatchObject({ status: "open" });
    expect(approved.shopifyReturnId).not.toBe(request.shopifyReturnId);
    await attachUploadedLabel(deps, SHOP, id, { labelUrl: "https://files.example/exchange-label.pdf", trackingNumber: "9400100000000000000077", carrier: "USPS" });
    const scans = [accepted(clock.advance(30))];
    await carrierScans("9400100000000000000077", "evt_exchange_1", scans);
    await carrierScans("9400100000000000000077", "evt_exchange_2", [...scans, delivered(clock.advance(60))]);
    expect((await loadCaseSummary(prisma(), SHOP, id)).status).toBe("received");
    clock.advance(30);
    // Every item is processed, so Shopify closes the return itself and its answer closes the case.
    await processReturn(deps, SHOP, id);

    const query = `query ($old: ID!, $new: ID!, $order: ID!) {
      old: return(id: $old) { status }
      new: return(id: $new) { status returnLineItems(first: 5) { nodes { quantity } }
        exchangeLineItems(first: 5) { nodes { quantity processedQuantity variantId lineItems { variant { id } quantity } } } }
      order(id: $order) { lineItems(first: 5) { nodes { variant { id } quantity } } } }`;
    const data = await adminData(standIn, token, query, { old: request.shopifyReturnId, new: approved.shopifyReturnId, order: orderId });
    expect(data.old.status).toBe("DECLINED");
    expect(data.new.status).toBe("CLOSED");
    expect(data.new.returnLineItems.nodes).toEqual([{ quantity: 1 }]);
    expect(data.new.exchangeLineItems.nodes).toEqual([{ quantity: 1, processedQuantity: 1, variantId: red, lineItems: [{ variant: { id: red }, quantity: 1 }] }]);
    expect(data.order.lineItems.nodes).toContainEqual({ variant: { id: red }, quantity: 1 });
    const summary = await loadCaseSummary(prisma(), SHOP, id);
    expect(summary.timeline.map((event) => event.kind)).toEqual(["requested", "approved", "label_created", "in_transit", "received", "processed", "closed"]);
    expect(summary.timeline[1]!.text).toMatch(/^Return approved with 1 exchange item \(Shopify return .+ replaces request .+\)$/);
  });

  // Last in the file: it changes the shop's policy.
  it("GIVEN an auto-approved exchange for pricier items that the exchange bonus covers WHEN it is processed THEN Shopify's order has the new lines at the discounted price and nothing owed", async () => {
    await saveReturnPolicy(prisma(), SHOP, { outcomes: { exchangeBonusPercent: 10 }, autoApproval: [{ outcomes: ["exchange"] }] });
    const { catalog, orderId, lineItemId, customerId } = await fulfilledOrder(2);
    const red = toGid("ProductVariant", catalog.variants[1]!.id);
    const deps: ReturnsDeps = { db: prisma(), admin: async () => standInAdmin(), now: () => new Date() };
    // Two 18.00 mugs back (36.00) for two 19.00 ones (38.00): 10% bonus (3.60) covers the 2.00 difference.
    const submitted = await submitReturnRequest(
      {
        shop: SHOP,
        customerId,
        orderId,
        idempotencyKey: "standin-exchange-bonus-1",
        request: {
          items: [{ lineItemId, quantity: 2, reason: "color" }],
          outcome: "exchange",
          method: "mail_label",
          exchange: { items: [{ productId: toGid("Product", catalog.product.id), variantId: red, title: "Trail Mug – Red", unitPrice: "19.00", quantity: 2 }] },
        },
      },
      deps,
    );
    expect(submitted).toMatchObject({ ok: true, status: "open", decision: { totals: { bonusCredit: { amount: "2.00" }, amountDue: { amount: "0.00" } } } });
    if (!submitted.ok) return;

    await processReturn(deps, SHOP, submitted.returnId);

    const { shopifyReturnId } = await prisma().returnCase.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id: submitted.returnId } } });
    const money = "shopMoney { amount currencyCode }";
    const query = `query ($id: ID!, $order: ID!) {
      return(id: $id) { status exchangeLineItems(first: 5) { nodes { quantity processedQuantity lineItem { id } } } }
      order(id: $order) { totalOutstandingSet { ${money} } lineItems(first: 5) { nodes { id variant { id } quantity originalUnitPriceSet { ${money} }
        discountedUnitPriceSet { ${money} } discountedTotalSet { ${money} }
        discountAllocations { allocatedAmountSet { ${money} } discountApplication { __typename ... on ManualDiscountApplication { title value { ... on MoneyV2 { amount } } } } } } } } }`;
    const data = await adminData(standIn, token, query, { id: shopifyReturnId, order: orderId });
    expect(data.return.status).toBe("CLOSED");
    // Sent as one quantity-1 exchange line per unit, each carrying its share of the bonus.
    expect(data.return.exchangeLineItems.nodes).toEqual([
      { quantity: 1, processedQuantity: 1, lineItem: { id: expect.any(String) } },
      { quantity: 1, processedQuantity: 1, lineItem: { id: expect.any(String) } },
    ]);
    const usd = (amount: string) => ({ shopMoney: { amount, currencyCode: "USD" } });
    const exchangeLines = data.order.lineItems.nodes.filter((line: { variant: { id: string } }) => line.variant.id === red);
    expect(exchangeLines).toHaveLength(2);
    for (const line of exchangeLines) {
      expect(line).toMatchObject({
        quantity: 1,
        originalUnitPriceSet: usd("19.0"),
        discountedUnitPriceSet: usd("18.0"),
        discountedTotalSet: usd("18.0"),
        discountAllocations: [{ allocatedAmountSet: usd("1.0"), discountApplication: { __typename: "ManualDiscountApplication", title: "Exchange bonus", value: { amount: "1.0" } } }],
      });
    }
    expect(data.order.totalOutstandingSet).toEqual(usd("0.0"));
  });
});
