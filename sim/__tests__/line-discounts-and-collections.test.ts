import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StandIn } from "../index.ts";
import { seedStore } from "../seed.ts";
import { toGid } from "../store/ids.ts";
import { SimStore } from "../store/store.ts";
import { adminData, createSimpleCatalog, FakeApp, graphql, offlineToken, SHOP, startTestStandIn } from "./helpers.ts";

let app: FakeApp;
let standIn: StandIn;
let token: string;
let catalog: ReturnType<typeof createSimpleCatalog>;

beforeAll(async () => {
  app = await new FakeApp().start();
  standIn = await startTestStandIn(app);
  catalog = createSimpleCatalog(standIn);
  token = await offlineToken(standIn);
});

afterAll(async () => {
  await standIn.close();
  await app.stop();
});

const LINE_PRICES = `#graphql
  query ($id: ID!) {
    order(id: $id) {
      subtotalPriceSet { shopMoney { amount } }
      totalPriceSet { shopMoney { amount } }
      lineItems(first: 5) { nodes {
        originalUnitPriceSet { shopMoney { amount currencyCode } }
        discountedUnitPriceSet { shopMoney { amount } }
        discountedUnitPriceAfterAllDiscountsSet { shopMoney { amount currencyCode } }
        totalDiscountSet { shopMoney { amount } }
      } }
    }
  }
`;

describe("line prices after all discounts", () => {
  it("GIVEN a code that took 5.00 off a line of three 18.00 mugs WHEN the line is queried THEN the unit price after all discounts is the line's 49.00 over three, to the cent", async () => {
    const order = standIn.store.createOrder(SHOP, {
      customerId: catalog.customer.id,
      lineItems: [
        { variantId: catalog.variants[0]!.id, quantity: 3, discounts: [{ amount: 500, title: "WELCOME5" }] },
        { variantId: catalog.variants[1]!.id, quantity: 1 },
      ],
    });

    const data = await adminData(standIn, token, LINE_PRICES, { id: toGid("Order", order.id) });

    const [discounted, plain] = data.order.lineItems.nodes;
    expect(discounted).toEqual({
      originalUnitPriceSet: { shopMoney: { amount: "18.0", currencyCode: "USD" } },
      // An order-level code: Shopify leaves it out of discountedUnitPriceSet.
      discountedUnitPriceSet: { shopMoney: { amount: "18.0" } },
      discountedUnitPriceAfterAllDiscountsSet: { shopMoney: { amount: "16.33", currencyCode: "USD" } },
      totalDiscountSet: { shopMoney: { amount: "5.0" } },
    });
    expect(plain.discountedUnitPriceAfterAllDiscountsSet.shopMoney.amount).toBe("19.0");
    expect(plain.totalDiscountSet.shopMoney.amount).toBe("0.0");
    expect(data.order.subtotalPriceSet.shopMoney.amount).toBe("68.0");
  });

  it("GIVEN a discounted line WHEN one unit is refunded THEN the refund is that unit's share after the discount", async () => {
    const order = standIn.store.createOrder(SHOP, {
      customerId: catalog.customer.id,
      lineItems: [{ variantId: catalog.variants[0]!.id, quantity: 3, discounts: [{ amount: 500, title: "WELCOME5" }] }],
    });

    const refund = standIn.store.createRefund(SHOP, order.id, { lineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }] });

    // 5.00 over three units is 1.67 a unit (rounded), so one unit refunds 18.00 − 1.67.
    expect(refund.transactions.reduce((sum, t) => sum + t.amount, 0)).toBe(1633);
    await standIn.webhooks.idle();
    const updated = app.webhooks("orders/updated").map((request) => JSON.parse(request.body)).filter((payload) => payload.name === order.name).at(-1);
    expect(updated).toMatchObject({
      total_line_items_price: "54.00",
      total_discounts: "5.00",
      subtotal_price: "49.00",
      current_total_discounts: "3.33",
      current_subtotal_price: "32.67",
    });
  });

  it("GIVEN a discount larger than the line WHEN the order is created THEN it is refused and nothing is stored", () => {
    const before = standIn.store.state(SHOP).orders.size;

    expect(() =>
      standIn.store.createOrder(SHOP, { lineItems: [{ variantId: catalog.variants[0]!.id, quantity: 1, discounts: [{ amount: 1801, title: "TOO-MUCH" }] }] }),
    ).toThrow("Discount allocations must be whole cents and at most the line's price");
    expect(standIn.store.state(SHOP).orders.size).toBe(before);
  });
});

describe("product collections", () => {
  it("GIVEN two products of one type and one of another WHEN their collections are queried THEN each is in the smart collection of its type only", async () => {
    const jacket = (title: string) =>
      standIn.store.createProduct(SHOP, { title, vendor: "Test", productType: "Rain Jackets", variants: [{ title: "M", sku: `${title}-M`, priceCents: 9900, grams: 500 }] });
    const first = jacket("Storm Shell");
    const second = jacket("Drizzle Shell");

    const data = await adminData(
      standIn,
      token,
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Product { collections(first: 10) { nodes { id title handle } } } } }`,
      { ids: [toGid("Product", first.id), toGid("Product", second.id), toGid("Product", catalog.product.id)] },
    );

    const [firstCollections, secondCollections, mugCollections] = data.nodes.map((node: { collections: { nodes: unknown[] } }) => node.collections.nodes);
    expect(firstCollections).toEqual([{ id: expect.stringMatching(/^gid:\/\/shopify\/Collection\/\d+$/), title: "Rain Jackets", handle: "rain-jackets" }]);
    expect(secondCollections).toEqual(firstCollections);
    expect(mugCollections).toEqual([expect.objectContaining({ title: "Gear", handle: "gear" })]);
  });

  it("GIVEN the seeded catalogue WHEN it is created THEN it is grouped into one collection per product type", async () => {
    const store = new SimStore({ clock: () => new Date("2026-11-22T15:00:00Z") });
    await seedStore({ url: "http://127.0.0.1:3457", store }, { shop: SHOP, orders: 1, days: 1, seed: 3 });

    const state = store.state(SHOP);
    const titles = [...state.collections.values()].map((collection) => collection.title).sort();
    expect(titles).toEqual(["Accessories", "Bottoms", "Footwear", "Gear", "Jackets", "Packs", "Tops"]);
    for (const product of state.products.values()) expect(state.collectionsOf(product).map((c) => c.title)).toEqual([product.productType]);
  });
});

describe("discount codes used", () => {
  it("GIVEN an order placed with the code WELCOME5 WHEN read through GraphQL and its webhook THEN both name the code, the webhook with what it took off", async () => {
    const order = standIn.store.createOrder(SHOP, {
      customerId: catalog.customer.id,
      discountCodes: ["WELCOME5"],
      lineItems: [{ variantId: catalog.variants[0]!.id, quantity: 2, discounts: [{ amount: 500, title: "WELCOME5" }] }],
    });

    const data = await adminData(standIn, token, `query ($id: ID!) { order(id: $id) { discountCodes } }`, { id: toGid("Order", order.id) });

    expect(data.order.discountCodes).toEqual(["WELCOME5"]);
    await standIn.webhooks.idle();
    const created = app.webhooks("orders/create").map((request) => JSON.parse(request.body)).find((payload) => payload.name === order.name);
    expect(created.discount_codes).toEqual([{ code: "WELCOME5", amount: "5.00", type: "fixed_amount" }]);
  });
});

describe("actual query cost", () => {
  it("GIVEN a query whose pages come back mostly empty WHEN it is sent three times in a row THEN only the actual cost is kept, so none is throttled", async () => {
    const query = `{ products(first: 40) { nodes { variants(first: 20) { nodes { product { id } } } } } }`;

    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await graphql(standIn, token, query));

    for (const { body } of answers) {
      expect(body.errors).toBeUndefined();
      expect(body.extensions.cost.requestedQueryCost).toBe(882);
      expect(body.extensions.cost.actualQueryCost).toBeLessThan(100);
      // Without the refund three requests of 882 would empty a 2000-point bucket.
      expect(body.extensions.cost.throttleStatus.currentlyAvailable).toBeGreaterThan(2000 - 882);
    }
  });
});
