import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StandIn } from "../index.ts";
import { controlApi, createSimpleCatalog, FakeApp, SHOP, startTestStandIn, topicsSince, webhookMark } from "./helpers.ts";

let app: FakeApp;
let standIn: StandIn;
let catalog: ReturnType<typeof createSimpleCatalog>;

beforeAll(async () => {
  app = await new FakeApp().start();
  standIn = await startTestStandIn(app);
  catalog = createSimpleCatalog(standIn);
});

afterAll(async () => {
  await standIn.close();
  await app.stop();
});

const call = (method: string, path: string, body?: unknown) => controlApi(standIn, method, path, body);

/** A paid, fulfilled order of two Blue mugs; returns the fulfillment line item's id. */
function fulfilledOrder() {
  const order = standIn.store.createOrder(SHOP, { customerId: catalog.customer.id, lineItems: [{ variantId: catalog.variants[0]!.id, quantity: 2 }] });
  const fulfillment = standIn.store.fulfillOrder(SHOP, order.id, {});
  return { order, fulfillmentLineItemId: fulfillment.lineItems[0]!.id };
}

const topics = (since: number) => topicsSince(standIn, app, since);

const mark = () => webhookMark(standIn, app);

describe("control API: acting as the merchant on returns", () => {
  it("GIVEN a customer's request WHEN the merchant approves it, attaches a label and clicks restock and refund THEN the app receives every webhook and the return closes", async () => {
    const { order, fulfillmentLineItemId } = fulfilledOrder();
    const seen = await mark();
    const requested = await call("POST", `/shops/${SHOP}/orders/${order.id}/returns`, { lineItems: [{ fulfillmentLineItemId, quantity: 2, reason: "DEFECTIVE", customerNote: "Cracked" }] });
    expect(requested.status).toBe(201);
    expect(requested.body.return).toMatchObject({ status: "requested", lineItems: [{ quantity: 2, returnReason: "DEFECTIVE", customerNote: "Cracked" }] });
    const id = requested.body.return.id;

    expect((await call("POST", `/shops/${SHOP}/returns/${id}/approve`, {})).body.return.status).toBe("open");
    const delivery = await call("POST", `/shops/${SHOP}/returns/${id}/reverse-deliveries`, { trackingNumber: "9400111899223817572312", trackingUrl: "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223817572312", labelUrl: "https://cdn.example/l.pdf" });
    expect(delivery.status).toBe(201);
    expect(delivery.body.return.reverseFulfillmentOrders[0].reverseDeliveries[0].tracking).toEqual({ number: "9400111899223817572312", url: expect.stringContaining("usps.com"), carrierName: "USPS" });

    const processed = await call("POST", `/shops/${SHOP}/returns/${id}/process`, {});
    expect(processed.status).toBe(200);
    expect(processed.body.return).toMatchObject({ status: "closed", lineItems: [{ processedQuantity: 2, refundedQuantity: 2 }], refundIds: [expect.any(String)] });
    const refund = standIn.store.state(SHOP).refund(processed.body.return.refundIds[0]);
    expect(refund.transactions.map((t) => [t.gateway, t.amount])).toEqual([["shopify_payments", 3600]]);
    expect(refund.lineItems[0]).toMatchObject({ quantity: 2, restockType: "return" });

    expect(await topics(seen)).toEqual([
      "returns/request",
      "returns/approve",
      "reverse_deliveries/attach_deliverable",
      "refunds/create",
      "reverse_fulfillment_orders/dispose",
      "returns/process",
      "returns/close",
      "orders/updated",
    ]);
    expect((await call("GET", `/shops/${SHOP}/returns/${id}`)).body.return.status).toBe("closed");
  });

  it("GIVEN an approved return with an exchange WHEN the merchant processes it as store credit THEN the credit lands on the customer and the exchange item is added to the order", async () => {
    const { order, fulfillmentLineItemId } = fulfilledOrder();
    const created = await call("POST", `/shops/${SHOP}/orders/${order.id}/returns`, {
      approved: true,
      lineItems: [{ fulfillmentLineItemId, quantity: 1, reason: "COLOR" }],
      exchangeLineItems: [{ variantId: `gid://shopify/ProductVariant/${catalog.variants[1]!.id}`, quantity: 1 }],
    });
    expect(created.body.return).toMatchObject({ status: "open", exchangeLineItems: [{ quantity: 1, processedQuantity: 0 }] });
    const processed = await call("POST", `/shops/${SHOP}/returns/${created.body.return.id}/process`, { refund: { storeCreditCents: 1800 } });
    expect(processed.body.return).toMatchObject({ status: "closed", exchangeLineItems: [{ processedQuantity: 1, lineItemIds: [expect.any(String)] }] });
    const state = standIn.store.state(SHOP);
    expect(state.storeCreditAccounts.get(catalog.customer.id)!.transactions.at(-1)).toMatchObject({ amount: 1800 });
    expect(state.order(order.id).lineItems.at(-1)).toMatchObject({ variantId: catalog.variants[1]!.id, quantity: 1 });
  });

  it("GIVEN a requested return WHEN the merchant declines it THEN returns/decline carries the reason and note", async () => {
    const { order, fulfillmentLineItemId } = fulfilledOrder();
    const requested = await call("POST", `/shops/${SHOP}/orders/${order.id}/returns`, { lineItems: [{ fulfillmentLineItemId, quantity: 1 }] });
    const seen = await mark();
    const declined = await call("POST", `/shops/${SHOP}/returns/${requested.body.return.id}/decline`, { declineReason: "RETURN_PERIOD_ENDED", declineNote: "Past 30 days" });
    expect(declined.body.return).toMatchObject({ status: "declined", decline: { reason: "RETURN_PERIOD_ENDED", note: "Past 30 days" } });
    expect(await topics(seen)).toEqual(["returns/decline"]);
  });

  it.each([
    ["processing a requested return", "process", 422, "Return is not processable. Only returns with status OPEN can be processed."],
    ["attaching a label before approval", "reverse-deliveries", 422, "is not open: it has no reverse fulfillment order yet"],
    ["closing a requested return", "close", 422, "Return is not closable. Only returns with status OPEN can be closed."],
  ])("GIVEN %s WHEN the control API is called THEN it refuses with the reason and changes nothing", async (_case, action, status, message) => {
    const { order, fulfillmentLineItemId } = fulfilledOrder();
    const requested = await call("POST", `/shops/${SHOP}/orders/${order.id}/returns`, { lineItems: [{ fulfillmentLineItemId, quantity: 1 }] });
    const refused = await call("POST", `/shops/${SHOP}/returns/${requested.body.return.id}/${action}`, {});
    expect(refused.status).toBe(status);
    expect(refused.body.error).toContain(message);
    expect(standIn.store.state(SHOP).return(requested.body.return.id).status).toBe("requested");
  });

  it.each([
    ["an unknown reason", { lineItems: [{ fulfillmentLineItemId: "1", quantity: 1, reason: "BORED" }] }, 400],
    ["an unknown return", null, 404],
  ])("GIVEN %s WHEN the control API is called THEN it answers %i", async (_case, body, status) => {
    const { order } = fulfilledOrder();
    const response = body ? await call("POST", `/shops/${SHOP}/orders/${order.id}/returns`, body) : await call("POST", `/shops/${SHOP}/returns/1/approve`, {});
    expect(response.status).toBe(status);
  });
});
