import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StandIn } from "../index.ts";
import { toGid } from "../store/ids.ts";
import type { OrderRecord } from "../store/types.ts";
import { adminData, createSimpleCatalog, FakeApp, offlineToken, SHOP, startTestStandIn, topicsSince, webhookMark } from "./helpers.ts";

let app: FakeApp;
let standIn: StandIn;
let token: string;
let catalog: ReturnType<typeof createSimpleCatalog>;

const USER_ERRORS = "userErrors { field message code }";
const RETURN_FIELDS = `id name status totalQuantity createdAt closedAt requestApprovedAt decline { reason note }
  order { id }
  returnLineItems(first: 3) { nodes { id quantity processedQuantity unprocessedQuantity refundedQuantity customerNote returnReasonNote
    returnReasonDefinition { handle name }
    ... on ReturnLineItem { fulfillmentLineItem { id lineItem { id } } restockingFee { percentage } } } }
  exchangeLineItems(first: 2) { nodes { id quantity processedQuantity variantId lineItems { id variant { id } quantity } } }
  returnShippingFees { amountSet { shopMoney { amount currencyCode } } }
  reverseFulfillmentOrders(first: 1) { nodes { id status
    lineItems(first: 3) { nodes { id totalQuantity fulfillmentLineItem { id } dispositions { type quantity location { id } } } }
    reverseDeliveries(first: 2) { nodes { id deliverable { ... on ReverseDeliveryShippingDeliverable { tracking { number url carrierName } label { publicFileUrl createdAt } } } } } } }
  refunds(first: 2) { nodes { id totalRefundedSet { shopMoney { amount } } transactions(first: 3) { nodes { kind gateway status amountSet { shopMoney { amount } } parentTransaction { id } } } } }`;

const RETURN_REQUEST = `mutation ($input: ReturnRequestInput!) { returnRequest(input: $input) { return { ${RETURN_FIELDS} } ${USER_ERRORS} } }`;
const RETURN_CREATE = `mutation ($returnInput: ReturnInput!) { returnCreate(returnInput: $returnInput) { return { ${RETURN_FIELDS} } ${USER_ERRORS} } }`;
const RETURN_APPROVE = `mutation ($input: ReturnApproveRequestInput!) { returnApproveRequest(input: $input) { return { ${RETURN_FIELDS} } ${USER_ERRORS} } }`;
const RETURN_DECLINE = `mutation ($input: ReturnDeclineRequestInput!) { returnDeclineRequest(input: $input) { return { id status decline { reason note } } ${USER_ERRORS} } }`;
const RETURN_CANCEL = `mutation ($id: ID!) { returnCancel(id: $id) { return { id status } ${USER_ERRORS} } }`;
const RETURN_CLOSE = `mutation ($id: ID!) { returnClose(id: $id) { return { id status closedAt } ${USER_ERRORS} } }`;
const RETURN_REOPEN = `mutation ($id: ID!) { returnReopen(id: $id) { return { id status closedAt } ${USER_ERRORS} } }`;
const RETURN_PROCESS = `mutation ($input: ReturnProcessInput!) { returnProcess(input: $input) { return { ${RETURN_FIELDS} } ${USER_ERRORS} } }`;
const REVERSE_DELIVERY = `mutation ($rfo: ID!, $items: [ReverseDeliveryLineItemInput!]!, $tracking: ReverseDeliveryTrackingInput, $label: ReverseDeliveryLabelInput) {
  reverseDeliveryCreateWithShipping(reverseFulfillmentOrderId: $rfo, reverseDeliveryLineItems: $items, trackingInput: $tracking, labelInput: $label, notifyCustomer: false) {
    reverseDelivery { id reverseFulfillmentOrder { id } reverseDeliveryLineItems(first: 5) { nodes { quantity reverseFulfillmentOrderLineItem { id } } }
      deliverable { ... on ReverseDeliveryShippingDeliverable { tracking { number url carrierName } label { publicFileUrl } } } }
    ${USER_ERRORS} } }`;
const RETURNABLE = `query ($orderId: ID!) { returnableFulfillments(orderId: $orderId, first: 10) { nodes { id fulfillment { id }
  returnableFulfillmentLineItems(first: 10) { nodes { quantity fulfillmentLineItem { id quantity lineItem { id } } } } } } }`;

/** A paid order of two Blue mugs and one Red mug, fully fulfilled in one shipment. */
function fulfilledOrder(): { order: OrderRecord; fliBlue: string; fliRed: string } {
  const order = standIn.store.createOrder(SHOP, {
    customerId: catalog.customer.id,
    lineItems: [
      { variantId: catalog.variants[0]!.id, quantity: 2 },
      { variantId: catalog.variants[1]!.id, quantity: 1 },
    ],
  });
  const fulfillment = standIn.store.fulfillOrder(SHOP, order.id, { tracking: [{ number: "1Z999AA10123456784", company: "UPS" }] });
  const fli = (lineItemId: string) => toGid("FulfillmentLineItem", fulfillment.lineItems.find((l) => l.lineItemId === lineItemId)!.id);
  return { order, fliBlue: fli(order.lineItems[0]!.id), fliRed: fli(order.lineItems[1]!.id) };
}

const send = (query: string, variables: Record<string, unknown> = {}) => adminData(standIn, token, query, variables);

const mark = () => webhookMark(standIn, app);

const webhookTopics = (since: number) => topicsSince(standIn, app, since);

async function requestReturn(orderId: string, fli: string, quantity = 1) {
  const data = await send(RETURN_REQUEST, { input: { orderId: toGid("Order", orderId), returnLineItems: [{ fulfillmentLineItemId: fli, quantity, returnReason: "SIZE_TOO_SMALL", customerNote: "Too tight" }] } });
  expect(data.returnRequest.userErrors).toEqual([]);
  return data.returnRequest.return;
}

async function createReturn(orderId: string, lines: { fli: string; quantity: number }[], extra: Record<string, unknown> = {}) {
  const data = await send(RETURN_CREATE, {
    returnInput: { orderId: toGid("Order", orderId), returnLineItems: lines.map((l) => ({ fulfillmentLineItemId: l.fli, quantity: l.quantity, returnReasonNote: "" })), ...extra },
  });
  expect(data.returnCreate.userErrors).toEqual([]);
  return data.returnCreate.return;
}

beforeAll(async () => {
  app = await new FakeApp().start();
  // A Plus shop's rate limits: these tests send many full return documents back to back.
  standIn = await startTestStandIn(app, { throttle: { maximumAvailable: 20_000, restoreRate: 1000 } });
  catalog = createSimpleCatalog(standIn);
  token = await offlineToken(standIn);
});

beforeEach(async () => {
  await standIn.webhooks.idle();
});

afterAll(async () => {
  await standIn.close();
  await app.stop();
});

describe("returnableFulfillments and return reasons", () => {
  it("GIVEN a fulfilled order WHEN its returnable fulfillments are queried THEN every fulfilled unit is returnable, and a requested return takes its units out", async () => {
    const { order, fliBlue, fliRed } = fulfilledOrder();
    const before = await send(RETURNABLE, { orderId: toGid("Order", order.id) });
    const items = before.returnableFulfillments.nodes[0].returnableFulfillmentLineItems.nodes;
    expect(items.map((i: { quantity: number; fulfillmentLineItem: { id: string } }) => [i.fulfillmentLineItem.id, i.quantity])).toEqual([
      [fliBlue, 2],
      [fliRed, 1],
    ]);
    expect(items[0].fulfillmentLineItem.lineItem.id).toBe(toGid("LineItem", order.lineItems[0]!.id));

    await requestReturn(order.id, fliBlue, 1);
    await requestReturn(order.id, fliRed, 1);
    const after = await send(RETURNABLE, { orderId: toGid("Order", order.id) });
    expect(after.returnableFulfillments.nodes[0].returnableFulfillmentLineItems.nodes).toEqual([
      { quantity: 1, fulfillmentLineItem: { id: fliBlue, quantity: 2, lineItem: { id: toGid("LineItem", order.lineItems[0]!.id) } } },
    ]);
  });

  it("GIVEN an unfulfilled order or an unknown order WHEN returnable fulfillments are queried THEN the connection is empty", async () => {
    const unfulfilled = standIn.store.createOrder(SHOP, { lineItems: [{ variantId: catalog.variants[0]!.id, quantity: 1 }] });
    expect((await send(RETURNABLE, { orderId: toGid("Order", unfulfilled.id) })).returnableFulfillments.nodes).toEqual([]);
    expect((await send(RETURNABLE, { orderId: "gid://shopify/Order/1" })).returnableFulfillments.nodes).toEqual([]);
  });

  it("GIVEN Shopify's standard reasons WHEN returnReasonDefinitions is queried THEN they come with handles and names, filterable by handle", async () => {
    const all = await send(`{ returnReasonDefinitions(first: 50) { nodes { id handle name deleted } } }`, {});
    expect(all.returnReasonDefinitions.nodes.map((d: { handle: string }) => d.handle)).toContain("size-too-small");
    expect(all.returnReasonDefinitions.nodes[0].id).toMatch(/^gid:\/\/shopify\/ReturnReasonDefinition\/\d+$/);
    const some = await send(`{ returnReasonDefinitions(first: 5, handles: ["defective"]) { nodes { handle name } } }`, {});
    expect(some.returnReasonDefinitions.nodes).toEqual([{ handle: "defective", name: "Damaged or defective" }]);
  });
});

describe("returnRequest, approve and decline", () => {
  it("GIVEN a customer's request WHEN returnRequest runs THEN the return is REQUESTED without a reverse fulfillment order and returns/request is sent", async () => {
    const { order, fliBlue } = fulfilledOrder();
    const seen = await mark();
    const record = await requestReturn(order.id, fliBlue, 2);
    expect(record).toMatchObject({ status: "REQUESTED", totalQuantity: 2, name: `${order.name}-R1`, order: { id: toGid("Order", order.id) }, requestApprovedAt: null });
    expect(record.returnLineItems.nodes[0]).toMatchObject({ quantity: 2, customerNote: "Too tight", returnReasonDefinition: { handle: "size-too-small" }, fulfillmentLineItem: { id: fliBlue } });
    expect(record.reverseFulfillmentOrders.nodes).toEqual([]);
    expect(await webhookTopics(seen)).toEqual(["returns/request"]);

    const read = await send(`query ($id: ID!) { return(id: $id) { id status } order(id: "${toGid("Order", order.id)}") { returnStatus returns(first: 5) { nodes { id status } } } }`, { id: record.id });
    expect(read.return).toEqual({ id: record.id, status: "REQUESTED" });
    expect(read.order).toEqual({ returnStatus: "RETURN_REQUESTED", returns: { nodes: [{ id: record.id, status: "REQUESTED" }] } });
  });

  it("GIVEN a requested return WHEN it is approved THEN it is OPEN with a reverse fulfillment order, returns/approve is sent, and approving twice is refused", async () => {
    const { order, fliRed } = fulfilledOrder();
    const requested = await requestReturn(order.id, fliRed);
    const seen = await mark();
    const data = await send(RETURN_APPROVE, { input: { id: requested.id, notifyCustomer: false } });
    expect(data.returnApproveRequest.userErrors).toEqual([]);
    const approved = data.returnApproveRequest.return;
    expect(approved.status).toBe("OPEN");
    expect(approved.requestApprovedAt).toMatch(/Z$/);
    expect(approved.reverseFulfillmentOrders.nodes[0]).toMatchObject({ status: "OPEN", lineItems: { nodes: [{ totalQuantity: 1, fulfillmentLineItem: { id: fliRed }, dispositions: [] }] } });
    expect(await webhookTopics(seen)).toEqual(["returns/approve"]);

    const again = await send(RETURN_APPROVE, { input: { id: requested.id } });
    expect(again.returnApproveRequest).toEqual({
      return: null,
      userErrors: [{ field: ["input", "id"], message: "Return is not approvable. Only returns with status REQUESTED can be approved.", code: "INVALID_STATE" }],
    });
  });

  it("GIVEN a requested return WHEN it is declined THEN it is DECLINED with the reason, returns/decline is sent, and its units are returnable again", async () => {
    const { order, fliRed } = fulfilledOrder();
    const requested = await requestReturn(order.id, fliRed);
    const seen = await mark();
    const data = await send(RETURN_DECLINE, { input: { id: requested.id, declineReason: "FINAL_SALE", declineNote: "Clearance item", notifyCustomer: true } });
    expect(data.returnDeclineRequest).toEqual({ return: { id: requested.id, status: "DECLINED", decline: { reason: "FINAL_SALE", note: "Clearance item" } }, userErrors: [] });
    expect(await webhookTopics(seen)).toEqual(["returns/decline"]);
    expect(JSON.parse(app.webhooks("returns/decline").at(-1)!.body).decline).toEqual({ reason: "final_sale", note: "Clearance item" });
    const returnable = await send(RETURNABLE, { orderId: toGid("Order", order.id) });
    expect(returnable.returnableFulfillments.nodes[0].returnableFulfillmentLineItems.nodes.map((n: { quantity: number }) => n.quantity)).toEqual([2, 1]);
  });

  it.each([
    ["more units than were fulfilled", (f: ReturnType<typeof fulfilledOrder>) => ({ orderId: toGid("Order", f.order.id), returnLineItems: [{ fulfillmentLineItemId: f.fliRed, quantity: 2 }] }), ["input", "returnLineItems", "0", "quantity"], "INVALID", "Quantity 2 exceeds the returnable quantity of 1."],
    ["the same item twice beyond its quantity", (f: ReturnType<typeof fulfilledOrder>) => ({ orderId: toGid("Order", f.order.id), returnLineItems: [{ fulfillmentLineItemId: f.fliBlue, quantity: 2 }, { fulfillmentLineItemId: f.fliBlue, quantity: 1 }] }), ["input", "returnLineItems", "1", "quantity"], "INVALID", "Quantity 1 exceeds the returnable quantity of 0."],
    ["a zero quantity", (f: ReturnType<typeof fulfilledOrder>) => ({ orderId: toGid("Order", f.order.id), returnLineItems: [{ fulfillmentLineItemId: f.fliRed, quantity: 0 }] }), ["input", "returnLineItems", "0", "quantity"], "GREATER_THAN", "Quantity must be greater than 0."],
    ["no line items", (f: ReturnType<typeof fulfilledOrder>) => ({ orderId: toGid("Order", f.order.id), returnLineItems: [] }), ["input", "returnLineItems"], "BLANK", "Return line items can't be blank."],
    ["an unknown order", (f: ReturnType<typeof fulfilledOrder>) => ({ orderId: "gid://shopify/Order/1", returnLineItems: [{ fulfillmentLineItemId: f.fliRed, quantity: 1 }] }), ["input", "orderId"], "NOT_FOUND", "Order does not exist."],
    ["another order's item", (f: ReturnType<typeof fulfilledOrder>) => ({ orderId: toGid("Order", f.order.id), returnLineItems: [{ fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/1", quantity: 1 }] }), ["input", "returnLineItems", "0", "fulfillmentLineItemId"], "NOT_FOUND", "Fulfillment line item does not exist."],
    ["an unknown reason definition", (f: ReturnType<typeof fulfilledOrder>) => ({ orderId: toGid("Order", f.order.id), returnLineItems: [{ fulfillmentLineItemId: f.fliRed, quantity: 1, returnReasonDefinitionId: "gid://shopify/ReturnReasonDefinition/999" }] }), ["input", "returnLineItems", "0", "returnReasonDefinitionId"], "NOT_FOUND", "Return reason definition does not exist."],
  ])("GIVEN %s WHEN returnRequest runs THEN Shopify's userError comes back and nothing is created", async (_case, input, field, code, message) => {
    const fixture = fulfilledOrder();
    const seen = await mark();
    const data = await send(RETURN_REQUEST, { input: input(fixture) });
    expect(data.returnRequest).toEqual({ return: null, userErrors: [{ field, message, code }] });
    expect(standIn.store.state(SHOP).order(fixture.order.id).returnIds).toEqual([]);
    expect(await webhookTopics(seen)).toEqual([]);
  });

  it("GIVEN an unknown return WHEN it is approved THEN NOT_FOUND comes back on the id", async () => {
    const data = await send(RETURN_APPROVE, { input: { id: "gid://shopify/Return/1" } });
    expect(data.returnApproveRequest.userErrors).toEqual([{ field: ["input", "id"], message: "Return does not exist.", code: "NOT_FOUND" }]);
  });
});

describe("returnCreate, reverse deliveries, process, cancel, close and reopen", () => {
  it("GIVEN a merchant's return with an exchange and a fee WHEN returnCreate runs THEN it is OPEN at once and announced as returns/approve", async () => {
    const { order, fliBlue } = fulfilledOrder();
    const seen = await mark();
    const record = await createReturn(order.id, [{ fli: fliBlue, quantity: 1 }], {
      exchangeLineItems: [{ variantId: toGid("ProductVariant", catalog.variants[1]!.id), quantity: 1 }],
      returnShippingFee: { amount: { amount: "5.00", currencyCode: "USD" } },
      notifyCustomer: false,
    });
    expect(record.status).toBe("OPEN");
    expect(record.exchangeLineItems.nodes).toEqual([{ id: expect.stringMatching(/ExchangeLineItem/), quantity: 1, processedQuantity: 0, variantId: toGid("ProductVariant", catalog.variants[1]!.id), lineItems: [] }]);
    expect(record.returnShippingFees).toEqual([{ amountSet: { shopMoney: { amount: "5.0", currencyCode: "USD" } } }]);
    expect(record.reverseFulfillmentOrders.nodes).toHaveLength(1);
    expect(await webhookTopics(seen)).toEqual(["returns/approve"]);
    const payload = JSON.parse(app.webhooks("returns/approve").at(-1)!.body);
    expect(payload).toMatchObject({ status: "open", total_return_line_items: 1, total_exchange_line_items: 1, return_shipping_fees: [{ price: { shop_money: { amount: "5.00" } } }] });
  });

  it("GIVEN an exchange for an unknown variant or a fee in another currency WHEN returnCreate runs THEN the field is named in userErrors", async () => {
    const { order, fliBlue } = fulfilledOrder();
    const base = { orderId: toGid("Order", order.id), returnLineItems: [{ fulfillmentLineItemId: fliBlue, quantity: 1 }] };
    const variant = await send(RETURN_CREATE, { returnInput: { ...base, exchangeLineItems: [{ variantId: "gid://shopify/ProductVariant/1", quantity: 1 }] } });
    expect(variant.returnCreate.userErrors).toEqual([{ field: ["returnInput", "exchangeLineItems", "0", "variantId"], message: "Variant does not exist.", code: "NOT_FOUND" }]);
    const fee = await send(RETURN_CREATE, { returnInput: { ...base, returnShippingFee: { amount: { amount: "5.00", currencyCode: "EUR" } } } });
    expect(fee.returnCreate.userErrors).toEqual([{ field: ["returnInput", "returnShippingFee", "amount", "currencyCode"], message: "Currency EUR does not match the order currency USD.", code: "INVALID" }]);
  });

  it("GIVEN exchange lines with an applied discount (a fixed amount per unit, a percentage) WHEN the return is processed THEN the order gets them at the discounted price, shows the discount and owes what the returned item did not pay", async () => {
    const { order, fliBlue } = fulfilledOrder();
    const red = toGid("ProductVariant", catalog.variants[1]!.id);
    const record = await createReturn(order.id, [{ fli: fliBlue, quantity: 1 }], {
      exchangeLineItems: [
        { variantId: red, quantity: 2, appliedDiscount: { description: "Exchange bonus", value: { amount: { amount: "1.00", currencyCode: "USD" } } } },
        { variantId: red, quantity: 1, appliedDiscount: { value: { percentage: 50 } } },
      ],
    });
    const [fixed, percent] = record.exchangeLineItems.nodes;
    const data = await send(RETURN_PROCESS, {
      input: {
        returnId: record.id,
        returnLineItems: [{ id: record.returnLineItems.nodes[0].id, quantity: 1 }],
        exchangeLineItems: [
          { id: fixed.id, quantity: 2 },
          { id: percent.id, quantity: 1 },
        ],
      },
    });
    expect(data.returnProcess.userErrors).toEqual([]);

    const money = "shopMoney { amount }";
    const lines = await send(
      `query ($id: ID!) { order(id: $id) { totalOutstandingSet { ${money} } lineItems(first: 5) { nodes { quantity originalUnitPriceSet { ${money} } discountedUnitPriceSet { ${money} }
        discountedTotalSet { ${money} } discountAllocations { allocatedAmountSet { ${money} } discountApplication { __typename
          ... on ManualDiscountApplication { title description allocationMethod value { ... on MoneyV2 { amount } ... on PricingPercentageValue { percentage } } } } } } } } }`,
      { id: toGid("Order", order.id) },
    );
    const amount = (value: string) => ({ shopMoney: { amount: value } });
    const manual = (title: string, description: string | null, value: object) => ({ __typename: "ManualDiscountApplication", title, description, allocationMethod: "EACH", value });
    expect(lines.order.lineItems.nodes.slice(2)).toEqual([
      {
        quantity: 2,
        originalUnitPriceSet: amount("19.0"),
        discountedUnitPriceSet: amount("18.0"),
        discountedTotalSet: amount("36.0"),
        discountAllocations: [{ allocatedAmountSet: amount("2.0"), discountApplication: manual("Exchange bonus", "Exchange bonus", { amount: "1.0" }) }],
      },
      {
        quantity: 1,
        originalUnitPriceSet: amount("19.0"),
        discountedUnitPriceSet: amount("9.5"),
        discountedTotalSet: amount("9.5"),
        discountAllocations: [{ allocatedAmountSet: amount("9.5"), discountApplication: manual("Exchange discount", null, { percentage: 50 }) }],
      },
    ]);
    // New lines 36.00 + 9.50, less the returned Blue mug's 18.00 that was kept rather than refunded.
    expect(lines.order.totalOutstandingSet).toEqual(amount("27.5"));
  });

  it.each([
    ["more than the item's price", { value: { amount: { amount: "19.01", currencyCode: "USD" } } }, ["value", "amount", "amount"], "Discount amount can't exceed the item's price."],
    ["another currency", { value: { amount: { amount: "1.00", currencyCode: "EUR" } } }, ["value", "amount", "currencyCode"], "Currency EUR does not match the order currency USD."],
    ["a percentage above 100", { value: { percentage: 150 } }, ["value", "percentage"], "Discount percentage must be between 0 and 100."],
  ])("GIVEN an exchange line's applied discount with %s WHEN returnCreate runs THEN the field is named in userErrors", async (_case, appliedDiscount, field, message) => {
    const { order, fliBlue } = fulfilledOrder();
    const returnInput = {
      orderId: toGid("Order", order.id),
      returnLineItems: [{ fulfillmentLineItemId: fliBlue, quantity: 1 }],
      exchangeLineItems: [{ variantId: toGid("ProductVariant", catalog.variants[1]!.id), quantity: 1, appliedDiscount }],
    };
    const data = await send(RETURN_CREATE, { returnInput });
    expect(data.returnCreate.return).toBeNull();
    expect(data.returnCreate.userErrors).toEqual([{ field: ["returnInput", "exchangeLineItems", "0", "appliedDiscount", ...field], message, code: expect.any(String) }]);
  });

  it("GIVEN an open return WHEN a reverse delivery with tracking and a label is created THEN it is readable on the return and reverse_deliveries/attach_deliverable is sent", async () => {
    const { order, fliBlue } = fulfilledOrder();
    const record = await createReturn(order.id, [{ fli: fliBlue, quantity: 2 }]);
    const rfo = record.reverseFulfillmentOrders.nodes[0];
    const seen = await mark();
    const data = await send(REVERSE_DELIVERY, {
      rfo: rfo.id,
      items: [{ reverseFulfillmentOrderLineItemId: rfo.lineItems.nodes[0].id, quantity: 2 }],
      tracking: { number: "1Z999AA10123456784", url: "https://www.ups.com/track?tracknum=1Z999AA10123456784" },
      label: { fileUrl: "https://cdn.example/labels/r1.pdf" },
    });
    expect(data.reverseDeliveryCreateWithShipping.userErrors).toEqual([]);
    expect(data.reverseDeliveryCreateWithShipping.reverseDelivery).toMatchObject({
      reverseFulfillmentOrder: { id: rfo.id },
      reverseDeliveryLineItems: { nodes: [{ quantity: 2, reverseFulfillmentOrderLineItem: { id: rfo.lineItems.nodes[0].id } }] },
      deliverable: { tracking: { number: "1Z999AA10123456784", carrierName: "UPS" }, label: { publicFileUrl: "https://cdn.example/labels/r1.pdf" } },
    });
    expect(await webhookTopics(seen)).toEqual(["reverse_deliveries/attach_deliverable"]);
    expect(JSON.parse(app.webhooks("reverse_deliveries/attach_deliverable").at(-1)!.body)).toMatchObject({
      return: { admin_graphql_api_id: record.id },
      shipping_deliverable: { tracking: { tracking_number: "1Z999AA10123456784", carrier_name: "UPS" }, label: { public_file_url: "https://cdn.example/labels/r1.pdf" } },
    });
    const read = await send(`query ($id: ID!) { return(id: $id) { ${RETURN_FIELDS} } }`, { id: record.id });
    expect(read.return.reverseFulfillmentOrders.nodes[0].reverseDeliveries.nodes[0].deliverable.tracking.url).toContain("ups.com");
  });

  it("GIVEN a requested return (no reverse fulfillment order) or too many units WHEN a reverse delivery is created THEN userErrors name the field", async () => {
    const { order, fliBlue } = fulfilledOrder();
    const record = await createReturn(order.id, [{ fli: fliBlue, quantity: 1 }]);
    const rfo = record.reverseFulfillmentOrders.nodes[0];
    const tooMany = await send(REVERSE_DELIVERY, { rfo: rfo.id, items: [{ reverseFulfillmentOrderLineItemId: rfo.lineItems.nodes[0].id, quantity: 3 }] });
    expect(tooMany.reverseDeliveryCreateWithShipping).toEqual({
      reverseDelivery: null,
      userErrors: [{ field: ["reverseDeliveryLineItems", "0", "quantity"], message: "Quantity 3 exceeds the line item's quantity of 1.", code: "INVALID" }],
    });
    const unknown = await send(REVERSE_DELIVERY, { rfo: "gid://shopify/ReverseFulfillmentOrder/1", items: [] });
    expect(unknown.reverseDeliveryCreateWithShipping.userErrors[0]).toMatchObject({ field: ["reverseFulfillmentOrderId"], code: "NOT_FOUND" });
  });

  it("GIVEN an open return WHEN returnProcess restocks, refunds to the card and as store credit and ships the exchange THEN the return closes and Shopify's webhooks follow in order", async () => {
    const { order, fliBlue } = fulfilledOrder();
    const record = await createReturn(order.id, [{ fli: fliBlue, quantity: 2 }], { exchangeLineItems: [{ variantId: toGid("ProductVariant", catalog.variants[1]!.id), quantity: 1 }] });
    const rfoLine = record.reverseFulfillmentOrders.nodes[0].lineItems.nodes[0];
    const location = toGid("Location", standIn.store.state(SHOP).shop.primaryLocationId);
    const txns = await send(`{ order(id: "${toGid("Order", order.id)}") { transactions { id kind gateway amountSet { shopMoney { amount } } } } }`, {});
    const sale = txns.order.transactions[0];
    expect(sale).toMatchObject({ kind: "SALE", gateway: "shopify_payments", amountSet: { shopMoney: { amount: "63.0" } } });
    const seen = await mark();
    const data = await send(RETURN_PROCESS, {
      input: {
        returnId: record.id,
        returnLineItems: [{ id: record.returnLineItems.nodes[0].id, quantity: 2, dispositions: [{ reverseFulfillmentOrderLineItemId: rfoLine.id, quantity: 2, dispositionType: "RESTOCKED", locationId: location }] }],
        exchangeLineItems: [{ id: record.exchangeLineItems.nodes[0].id, quantity: 1 }],
        financialTransfer: {
          issueRefund: {
            orderTransactions: [{ parentId: sale.id, transactionAmount: { amount: "10.00", currencyCode: "USD" } }],
            refundMethods: [{ storeCreditRefund: { amount: { amount: "7.00", currencyCode: "USD" } } }],
          },
        },
        notifyCustomer: false,
      },
    });
    expect(data.returnProcess.userErrors).toEqual([]);
    const processed = data.returnProcess.return;
    expect(processed.status).toBe("CLOSED");
    expect(processed.returnLineItems.nodes[0]).toMatchObject({ processedQuantity: 2, unprocessedQuantity: 0, refundedQuantity: 2 });
    expect(processed.reverseFulfillmentOrders.nodes[0]).toMatchObject({ status: "CLOSED", lineItems: { nodes: [{ dispositions: [{ type: "RESTOCKED", quantity: 2, location: { id: location } }] }] } });
    expect(processed.exchangeLineItems.nodes[0]).toMatchObject({ processedQuantity: 1, lineItems: [{ variant: { id: toGid("ProductVariant", catalog.variants[1]!.id) }, quantity: 1 }] });
    expect(processed.refunds.nodes[0]).toMatchObject({ totalRefundedSet: { shopMoney: { amount: "17.0" } } });
    expect(processed.refunds.nodes[0].transactions.nodes).toEqual([
      { kind: "REFUND", gateway: "shopify_payments", status: "SUCCESS", amountSet: { shopMoney: { amount: "10.0" } }, parentTransaction: { id: sale.id } },
      { kind: "REFUND", gateway: "shopify_store_credit", status: "SUCCESS", amountSet: { shopMoney: { amount: "7.0" } }, parentTransaction: null },
    ]);
    expect(await webhookTopics(seen)).toEqual(["refunds/create", "reverse_fulfillment_orders/dispose", "returns/process", "returns/close", "orders/updated"]);
    const eventIds = new Set(app.webhooks().slice(seen).map((r) => r.headers["x-shopify-event-id"]));
    expect(eventIds.size).toBe(1);
    const refund = JSON.parse(app.webhooks("refunds/create").at(-1)!.body);
    expect(refund.return.admin_graphql_api_id).toBe(record.id);
    expect(refund.refund_line_items[0]).toMatchObject({ quantity: 2, restock_type: "return" });
    expect(standIn.store.state(SHOP).storeCreditAccounts.get(catalog.customer.id)!.transactions.at(-1)!.amount).toBe(700);

    const afterProcess = await send(`{ order(id: "${toGid("Order", order.id)}") { returnStatus } }`);
    expect(afterProcess.order.returnStatus).toBe("RETURNED");
    const stateOrder = standIn.store.state(SHOP).order(order.id);
    expect(stateOrder.lineItems).toHaveLength(3);
    const again = await send(RETURN_PROCESS, { input: { returnId: record.id, returnLineItems: [{ id: record.returnLineItems.nodes[0].id, quantity: 1 }] } });
    expect(again.returnProcess.userErrors).toEqual([{ field: ["input", "returnId"], message: "Return is not processable. Only returns with status OPEN can be processed.", code: "INVALID_STATE" }]);
  });

  it("GIVEN part of a return WHEN it is processed without money THEN it stays OPEN with the rest processable and no refund is created", async () => {
    const { order, fliBlue } = fulfilledOrder();
    const record = await createReturn(order.id, [{ fli: fliBlue, quantity: 2 }]);
    const seen = await mark();
    const data = await send(RETURN_PROCESS, { input: { returnId: record.id, returnLineItems: [{ id: record.returnLineItems.nodes[0].id, quantity: 1 }] } });
    expect(data.returnProcess.userErrors).toEqual([]);
    expect(data.returnProcess.return).toMatchObject({ status: "OPEN", refunds: { nodes: [] }, returnLineItems: { nodes: [{ processedQuantity: 1, unprocessedQuantity: 1 }] } });
    expect(await webhookTopics(seen)).toEqual(["returns/process", "orders/updated"]);
    const cancel = await send(RETURN_CANCEL, { id: record.id });
    expect(cancel.returnCancel.userErrors).toEqual([{ field: ["id"], message: "Return can't be canceled because some items have already been processed.", code: "INVALID_STATE" }]);
  });

  it.each([
    ["more units than remain", () => ({ lines: 3 }), ["input", "returnLineItems", "0", "quantity"], "INVALID", "Quantity 3 exceeds the unprocessed quantity of 2."],
    ["dispositions that do not add up", () => ({ lines: 2, dispose: 1 }), ["input", "returnLineItems", "0", "dispositions"], "INVALID", "Disposition quantities (1) must add up to the processed quantity (2)."],
    ["a refund above what was paid", () => ({ lines: 2, refund: "500.00" }), ["input", "financialTransfer", "issueRefund"], "INVALID", "Refund amount 500.00 exceeds the refundable amount of 63.00."],
    ["a refund from a transaction of another order", () => ({ lines: 2, refund: "1.00", parent: "gid://shopify/OrderTransaction/1" }), ["input", "financialTransfer", "issueRefund", "orderTransactions", "0", "parentId"], "NOT_FOUND", "Order transaction does not exist."],
    ["nothing to process", () => ({ lines: 0 }), ["input", "returnLineItems"], "BLANK", "There is nothing to process: give return line items, exchange line items or a financial transfer."],
  ])("GIVEN %s WHEN returnProcess runs THEN Shopify's userError comes back and nothing changes", async (_case, plan, field, code, message) => {
    const { order, fliBlue } = fulfilledOrder();
    const record = await createReturn(order.id, [{ fli: fliBlue, quantity: 2 }]);
    const rfoLine = record.reverseFulfillmentOrders.nodes[0].lineItems.nodes[0];
    const p = plan() as { lines: number; dispose?: number; refund?: string; parent?: string };
    const input: Record<string, unknown> = { returnId: record.id };
    if (p.lines > 0) {
      input.returnLineItems = [
        {
          id: record.returnLineItems.nodes[0].id,
          quantity: p.lines,
          dispositions: p.dispose ? [{ reverseFulfillmentOrderLineItemId: rfoLine.id, quantity: p.dispose, dispositionType: "NOT_RESTOCKED" }] : [],
        },
      ];
    }
    if (p.refund) {
      input.financialTransfer = { issueRefund: { orderTransactions: [{ parentId: p.parent ?? toGid("OrderTransaction", order.saleTransactionId!), transactionAmount: { amount: p.refund, currencyCode: "USD" } }] } };
    }
    const seen = await mark();
    const data = await send(RETURN_PROCESS, { input });
    expect(data.returnProcess).toEqual({ return: null, userErrors: [{ field, message, code }] });
    expect(standIn.store.state(SHOP).return(record.id.split("/").pop()!).lineItems[0]!.processedQuantity).toBe(0);
    expect(standIn.store.state(SHOP).order(order.id).refundIds).toEqual([]);
    expect(await webhookTopics(seen)).toEqual([]);
  });

  it("GIVEN an open return WHEN it is closed, reopened and canceled THEN each transition sends its topic and a closed return cannot be canceled", async () => {
    const { order, fliRed } = fulfilledOrder();
    const record = await createReturn(order.id, [{ fli: fliRed, quantity: 1 }]);
    const seen = await mark();
    const closed = await send(RETURN_CLOSE, { id: record.id });
    expect(closed.returnClose).toMatchObject({ return: { status: "CLOSED", closedAt: expect.stringMatching(/Z$/) }, userErrors: [] });
    const refused = await send(RETURN_CANCEL, { id: record.id });
    expect(refused.returnCancel.userErrors[0]).toMatchObject({ field: ["id"], code: "INVALID_STATE" });
    const reopened = await send(RETURN_REOPEN, { id: record.id });
    expect(reopened.returnReopen).toEqual({ return: { id: record.id, status: "OPEN", closedAt: null }, userErrors: [] });
    const canceled = await send(RETURN_CANCEL, { id: record.id });
    expect(canceled.returnCancel).toEqual({ return: { id: record.id, status: "CANCELED" }, userErrors: [] });
    expect(await webhookTopics(seen)).toEqual(["returns/close", "returns/reopen", "returns/cancel"]);
    const reopenCanceled = await send(RETURN_REOPEN, { id: record.id });
    expect(reopenCanceled.returnReopen.userErrors[0]).toMatchObject({ code: "INVALID_STATE", message: "Return is not reopenable. Only returns with status CLOSED can be reopened." });
    const returnable = await send(RETURNABLE, { orderId: toGid("Order", order.id) });
    expect(returnable.returnableFulfillments.nodes[0].returnableFulfillmentLineItems.nodes.map((n: { quantity: number }) => n.quantity)).toEqual([2, 1]);
  });
});
