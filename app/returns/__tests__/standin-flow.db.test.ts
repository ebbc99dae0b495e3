import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdminGraphqlClient } from "~/shopify/admin-graphql.server";
import { useTestDatabase } from "~/test/database";
import type { StandIn } from "../../../sim/index";
import { adminData, createSimpleCatalog, FakeApp, offlineToken, SHOP, startTestStandIn } from "../../../sim/__tests__/helpers";
import { toGid } from "../../../sim/store/ids";
import { loadCaseSummary } from "../case-store.server";
import { approveReturn, attachUploadedLabel, closeReturn, markReturnReceived, processReturn } from "../merchant-actions.server";
import type { ReturnsDeps } from "../returns-deps.server";
import { submitReturnRequest } from "../submit.server";

/**
 * The whole merchant flow against the Shopify stand-in, whose Returns API checks quantities, statuses and
 * refunds as Shopify does: request → approve → label → receive → process with refund → close.
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

beforeAll(async () => {
  app = await new FakeApp().start();
  standIn = await startTestStandIn(app);
  token = await offlineToken(standIn);
});

afterAll(async () => {
  await standIn?.close();
  await app?.stop();
});

describe("returns against the Shopify stand-in", () => {
  it("GIVEN a fulfilled order WHEN the shopper requests a refund and the merchant approves, labels, receives, processes and closes THEN Shopify's return is closed with the refund", async () => {
    const catalog = createSimpleCatalog(standIn);
    const order = standIn.store.createOrder(SHOP, { customerId: catalog.customer.id, lineItems: [{ variantId: catalog.variants[0]!.id, quantity: 2 }] });
    const fulfillment = standIn.store.fulfillOrder(SHOP, order.id, { tracking: [{ number: "1Z999AA10123456784", company: "UPS" }] });
    const orderId = toGid("Order", order.id);
    const lineItemId = toGid("LineItem", order.lineItems[0]!.id);
    const customerId = toGid("Customer", catalog.customer.id);
    const at = new Date();
    // The stand-in's shop sells in USD (its default); our synced row says the same.
    await prisma().shop.create({ data: { shop: SHOP, currencyCode: "USD", ianaTimezone: "Europe/Berlin" } });
    await prisma().order.create({ data: { shop: SHOP, id: orderId, name: order.name, customerId, currencyCode: null, processedAt: at, shopifyUpdatedAt: at } });
    await prisma().lineItem.create({ data: { shop: SHOP, id: lineItemId, orderId, title: "Trail Mug", quantity: 2, price: "18.00" } });
    const fulfillmentId = toGid("Fulfillment", fulfillment.id);
    await prisma().fulfillment.create({ data: { shop: SHOP, id: fulfillmentId, orderId, status: "success", shopifyCreatedAt: at, shopifyUpdatedAt: at } });
    await prisma().fulfillmentLineItem.create({ data: { shop: SHOP, fulfillmentId, lineItemId, quantity: 2 } });
    const deps: ReturnsDeps = { db: prisma(), admin: async () => standInAdmin(), now: () => new Date() };

    const submitted = await submitReturnRequest(
      { shop: SHOP, customerId, orderId, idempotencyKey: "standin-flow-1", request: { items: [{ lineItemId, quantity: 1, reason: "size_too_small" }], outcome: "refund", method: "mail_label" } },
      deps,
    );
    expect(submitted).toMatchObject({ ok: true, status: "requested" });
    if (!submitted.ok) return;
    const id = submitted.returnId;
    await approveReturn(deps, SHOP, id);
    await attachUploadedLabel(deps, SHOP, id, { labelUrl: "https://files.example/label.pdf", trackingNumber: "9400100000000000000000", carrier: "USPS" });
    await markReturnReceived(deps, SHOP, id);
    await processReturn(deps, SHOP, id);
    await closeReturn(deps, SHOP, id);

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
    expect(summary.timeline.map((event) => event.kind)).toEqual(["requested", "approved", "label_created", "received", "processed", "closed"]);
  });
});
