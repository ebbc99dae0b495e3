import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StandIn } from "../index.ts";
import { createSimpleCatalog, FakeApp, graphql, offlineToken, SHOP, startTestStandIn } from "./helpers.ts";

let app: FakeApp;
let standIn: StandIn;
let token: string;
let now = new Date("2026-11-20T12:00:00Z");
const orderIds: string[] = [];
let fulfillmentId = "";
let productId = "";
let customerId = "";

const ORDER_FIELDS = `#graphql
  id name email phone createdAt processedAt updatedAt cancelledAt cancelReason closedAt
  displayFinancialStatus displayFulfillmentStatus currencyCode totalPriceSet { shopMoney { amount currencyCode } }
  customer { id firstName lastName email phone locale } customerLocale tags statusPageUrl
  shippingAddress { city provinceCode countryCodeV2 zip }
  lineItems(first: 10) { nodes { id title variantTitle sku vendor quantity requiresShipping product { id } variant { id }
    originalUnitPriceSet { shopMoney { amount } } image { url } } }
  fulfillments(first: 10) { id name status createdAt updatedAt displayStatus estimatedDeliveryAt deliveredAt inTransitAt
    location { id } service { serviceName } trackingInfo(first: 5) { company number url }
    fulfillmentLineItems(first: 10) { nodes { lineItem { id } quantity } }
    events(first: 20) { nodes { id status happenedAt message city province country zip estimatedDeliveryAt } } }
`;

beforeAll(async () => {
  app = await new FakeApp().start();
  standIn = await startTestStandIn(app, { clock: () => now });
  const { variants, customer, product } = createSimpleCatalog(standIn);
  productId = product.id;
  customerId = customer.id;
  for (let i = 0; i < 7; i++) {
    now = new Date(now.getTime() + 3600_000);
    orderIds.push(standIn.store.createOrder(SHOP, { customerId: customer.id, lineItems: [{ variantId: variants[i % 2]!.id, quantity: 1 + (i % 3) }], tags: i === 2 ? ["vip"] : [] }).id);
  }
  now = new Date(now.getTime() + 3600_000);
  const fulfillment = standIn.store.fulfillOrder(SHOP, orderIds[0]!, { tracking: [{ number: "1Z999AA10123456784", company: "UPS" }, { number: "1Z999AA10123456795", company: "UPS" }] });
  fulfillmentId = fulfillment.id;
  standIn.store.addFulfillmentEvent(SHOP, fulfillment.id, { status: "in_transit", city: "Louisville", province: "KY", country: "US", zip: "40209", estimatedDeliveryAt: new Date("2026-11-23T18:00:00Z") });
  standIn.store.addFulfillmentEvent(SHOP, fulfillment.id, { status: "delivered", message: "Left at front door", city: "München", country: "DE" });
  standIn.store.cancelOrder(SHOP, orderIds[6]!, { reason: "customer", refund: true });
  await standIn.webhooks.idle();
  token = await offlineToken(standIn);
});

afterAll(async () => {
  await standIn.close();
  await app.stop();
});

describe("Admin GraphQL", () => {
  it.each([
    ["an unknown field", "{ shop { nope } }", "Field 'nope' doesn't exist on type 'Shop'"],
    ["a syntax error", "{ shop { name ", "Syntax Error"],
    ["a missing required argument", "{ order { id } }", 'argument "id" of type "ID!" is required'],
  ])("GIVEN %s WHEN the document is sent THEN Shopify answers 200 with errors and locations", async (_case, query, message) => {
    const { status, body } = await graphql(standIn, token, query);
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toContain(message);
    expect(body.errors[0].locations[0]).toEqual({ line: expect.any(Number), column: expect.any(Number) });
  });

  it("GIVEN an unknown access token WHEN a query is sent THEN it is refused with Shopify's 401 body", async () => {
    const { status, body } = await graphql(standIn, "shpat_wrong", "{ shop { name } }");
    expect(status).toBe(401);
    expect(body.errors).toBe("[API] Invalid API key or access token (unrecognized login or wrong password)");
  });

  it("GIVEN the shop query WHEN it runs THEN it answers the shop and reports the query cost", async () => {
    const { body } = await graphql(standIn, token, `{ shop { id name email myshopifyDomain currencyCode ianaTimezone primaryDomain { host url } billingAddress { countryCodeV2 } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.shop).toMatchObject({ myshopifyDomain: SHOP, currencyCode: "USD", primaryDomain: { host: SHOP } });
    expect(body.data.shop.id).toMatch(/^gid:\/\/shopify\/Shop\/\d+$/);
    expect(body.extensions.cost).toMatchObject({ requestedQueryCost: expect.any(Number), throttleStatus: { maximumAvailable: 2000, restoreRate: 100 } });
  });

  it("GIVEN seven orders WHEN they are paged three at a time THEN every order comes exactly once, in id order", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const { body } = await graphql(standIn, token, `query ($after: String) { orders(first: 3, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`, { after });
      seen.push(...body.data.orders.nodes.map((n: { id: string }) => n.id));
      if (!body.data.orders.pageInfo.hasNextPage) break;
      after = body.data.orders.pageInfo.endCursor;
    }
    expect(seen).toEqual(orderIds.map((id) => `gid://shopify/Order/${id}`));
  });

  it("GIVEN an updated_at filter WHEN orders are searched THEN only orders changed since then are returned", async () => {
    const since = new Date(now.getTime() - 1000).toISOString();
    const { body } = await graphql(standIn, token, `query ($q: String) { orders(first: 50, query: $q, sortKey: UPDATED_AT) { nodes { id updatedAt } } }`, { q: `updated_at:>='${since}'` });
    expect(body.data.orders.nodes.map((n: { id: string }) => n.id).sort()).toEqual([orderIds[0], orderIds[6]].map((id) => `gid://shopify/Order/${id}`).sort());
  });

  it.each([
    ["name:#1003", 1],
    ["status:cancelled", 1],
    ["status:open", 6],
    ["tag:vip", 1],
    ["fulfillment_status:shipped", 1],
    [`created_at:<'2026-11-20T14:30:00Z'`, 2],
    ["name:#1001 OR name:#1002", 2],
    ["-status:cancelled", 6],
  ])("GIVEN the search %s WHEN orders are queried THEN %i match", async (query, count) => {
    const { body } = await graphql(standIn, token, `query ($q: String) { orders(first: 50, query: $q) { nodes { id } } }`, { q: query });
    expect(body.errors).toBeUndefined();
    expect(body.data.orders.nodes).toHaveLength(count);
  });

  it("GIVEN sortKey CREATED_AT reverse WHEN orders are listed THEN the newest comes first", async () => {
    const { body } = await graphql(standIn, token, `{ orders(first: 2, sortKey: CREATED_AT, reverse: true) { edges { cursor node { name } } } }`);
    expect(body.data.orders.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(["#1007", "#1006"]);
  });

  it("GIVEN a connection without first or last WHEN queried THEN Shopify's error comes back", async () => {
    const { body } = await graphql(standIn, token, `{ orders { nodes { id } } }`);
    expect(body.errors[0].message).toBe("you must provide one of first or last");
  });

  it("GIVEN a fulfilled order WHEN the documented order fields are queried THEN they describe its shipment", async () => {
    const { body } = await graphql(standIn, token, `query ($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`, { id: `gid://shopify/Order/${orderIds[0]}` });
    expect(body.errors).toBeUndefined();
    const order = body.data.order;
    expect(order).toMatchObject({ name: "#1001", displayFinancialStatus: "PAID", displayFulfillmentStatus: "FULFILLED", customer: { firstName: "Zoë", locale: "de" } });
    const [fulfillment] = order.fulfillments;
    expect(fulfillment.displayStatus).toBe("DELIVERED");
    expect(fulfillment.trackingInfo.map((t: { number: string }) => t.number)).toEqual(["1Z999AA10123456784", "1Z999AA10123456795"]);
    expect(fulfillment.events.nodes.map((e: { status: string }) => e.status)).toEqual(["IN_TRANSIT", "DELIVERED"]);
    expect(fulfillment.deliveredAt).toMatch(/Z$/);
    expect(fulfillment.estimatedDeliveryAt).toBe("2026-11-23T18:00:00Z");
    expect(fulfillment.fulfillmentLineItems.nodes[0].lineItem.id).toBe(order.lineItems.nodes[0].id);
  });

  it("GIVEN a cancelled order WHEN queried THEN it shows the cancellation and refund", async () => {
    const { body } = await graphql(standIn, token, `query ($id: ID!) { order(id: $id) { cancelledAt cancelReason displayFinancialStatus closedAt } }`, { id: `gid://shopify/Order/${orderIds[6]}` });
    expect(body.data.order).toMatchObject({ cancelReason: "CUSTOMER", displayFinancialStatus: "REFUNDED" });
    expect(body.data.order.cancelledAt).not.toBeNull();
  });

  it("GIVEN fulfillment, product and customer ids WHEN fetched directly and as nodes THEN each resolves", async () => {
    const { body } = await graphql(
      standIn,
      token,
      `query ($f: ID!, $p: ID!, $c: ID!) {
        fulfillment(id: $f) { id displayStatus order { name } }
        product(id: $p) { id title handle variants(first: 5) { nodes { id title sku price } } images(first: 5) { nodes { url } } featuredImage { url } }
        customer(id: $c) { id displayName email locale emailMarketingConsent { marketingState } smsMarketingConsent { marketingState } }
        products(first: 5) { nodes { id } }
        nodes(ids: [$f, $c]) { id ... on Customer { email } }
      }`,
      { f: `gid://shopify/Fulfillment/${fulfillmentId}`, p: `gid://shopify/Product/${productId}`, c: `gid://shopify/Customer/${customerId}` },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.fulfillment).toMatchObject({ displayStatus: "DELIVERED", order: { name: "#1001" } });
    expect(body.data.product.variants.nodes).toEqual([
      expect.objectContaining({ title: "Blue", sku: "MUG-BLUE", price: "18.00" }),
      expect.objectContaining({ title: "Red", price: "19.00" }),
    ]);
    expect(body.data.customer).toMatchObject({ displayName: "Zoë Müller", emailMarketingConsent: { marketingState: "SUBSCRIBED" } });
    expect(body.data.nodes[1]).toEqual({ id: `gid://shopify/Customer/${customerId}`, email: "zoe@example.de" });
  });

  it("GIVEN a field the stand-in does not model WHEN queried THEN it says so instead of inventing data", async () => {
    const { body } = await graphql(standIn, token, `{ shop { shipsToCountries } }`);
    expect(body.errors[0].message).toContain("does not implement Shop.shipsToCountries");
  });
});
