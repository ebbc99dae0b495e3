import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ShopifyUserErrorsError } from "~/errors";
import { type AdminGraphqlClient } from "~/shopify/admin-graphql.server";
import { useTestDatabase } from "~/test/database";
import { startStandIn, type StandIn } from "../../../sim/index";
import { issueDiscountCode } from "../discount-codes.server";

/** Discount codes created through the Shopify stand-in's Admin API (the same schema and validation as Shopify's). */

const database = useTestDatabase();
const SHOP = "discount-outfitters.myshopify.com";
let standIn: StandIn;
let admin: AdminGraphqlClient;
let customerId = "";
let productId = "";

const READ_BACK = `query ($code: String!) {
  codeDiscountNodeByCode(code: $code) {
    codeDiscount { ... on DiscountCodeBasic {
      title endsAt usageLimit appliesOncePerCustomer
      context { __typename ... on DiscountCustomers { customers { id } } }
      customerGets { items { __typename ... on DiscountProducts { products(first: 3) { nodes { id } } } }
        value { __typename ... on DiscountPercentage { percentage } ... on DiscountAmount { amount { amount } appliesOnEachItem } } }
    } }
  } }`;

async function readBack(code: string) {
  const response = await admin.graphql(READ_BACK, { variables: { code } });
  return ((await response.json()) as { data: { codeDiscountNodeByCode: { codeDiscount: Record<string, unknown> } | null } }).data.codeDiscountNodeByCode?.codeDiscount;
}

beforeAll(async () => {
  standIn = await startStandIn({ apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET!, appUrl: "http://127.0.0.1:9", shops: [SHOP], webhookRetry: { delaysMs: [] } });
  const { accessToken } = (await (await fetch(`${standIn.url}/_sim/shops/${SHOP}/access-tokens`, { method: "POST" })).json()) as { accessToken: string };
  admin = {
    graphql: (query, options) =>
      fetch(`${standIn.url}/${SHOP}/admin/api/2026-07/graphql.json`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": accessToken },
        body: JSON.stringify({ query, variables: options?.variables ?? {} }),
      }),
  };
  const customer = standIn.store.createCustomer(SHOP, {
    firstName: "Zoë",
    lastName: "Müller",
    email: "zoe@example.de",
    locale: "de",
    address: { company: null, address1: "Marienplatz 8", address2: null, city: "München", province: "Bavaria", provinceCode: "BY", country: "Germany", countryCode: "DE", zip: "80331", phone: null, latitude: null, longitude: null },
  });
  customerId = `gid://shopify/Customer/${customer.id}`;
  const product = standIn.store.createProduct(SHOP, { title: "Ember Camp Mug", vendor: "Outfitters", productType: "Gear", variants: [{ title: "Default Title", sku: "MUG", priceCents: 2200, grams: 260 }] });
  productId = `gid://shopify/Product/${product.id}`;
  // The stand-in builds its GraphQL schema on the first query: slow on a loaded machine, so not inside a test.
  await admin.graphql("query Warm { shop { name } }");
}, 120_000);

afterAll(async () => {
  await standIn?.close();
});

describe("discount codes through the stand-in", () => {
  it("GIVEN a customer WHEN a next-order code is issued THEN Shopify holds a single-use code for that customer only, expiring in 30 days", async () => {
    const now = new Date();
    const code = await issueDiscountCode(database.get().prisma, admin, { shop: SHOP, offerId: "socks", customerId, purpose: "next_order", discount: { kind: "percentage", percent: "15" }, title: "Thanks for your order", now });

    expect(code?.label).toBe("15% off your next order");
    expect(await readBack(code!.code)).toMatchObject({
      title: "Thanks for your order",
      usageLimit: 1,
      appliesOncePerCustomer: true,
      endsAt: new Date(now.getTime() + 30 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
      context: { __typename: "DiscountCustomers", customers: [{ id: customerId }] },
      customerGets: { items: { __typename: "AllDiscountItems" }, value: { __typename: "DiscountPercentage", percentage: 0.15 } },
    });
  });

  it("GIVEN an offer's product WHEN its link code is issued THEN the code discounts that product only, by the fixed amount on each item", async () => {
    const code = await issueDiscountCode(database.get().prisma, admin, { shop: SHOP, offerId: "mug", customerId, purpose: "offer_product", productId, discount: { kind: "fixed_amount", amount: "5.00" }, title: "Mug offer" });

    expect(await readBack(code!.code)).toMatchObject({
      customerGets: { items: { __typename: "DiscountProducts", products: { nodes: [{ id: productId }] } }, value: { __typename: "DiscountAmount", amount: { amount: "5.0" }, appliesOnEachItem: true } },
    });
  });

  it("GIVEN a fixed-amount next-order code WHEN issued THEN the amount comes off the order once, not off every item", async () => {
    const code = await issueDiscountCode(database.get().prisma, admin, { shop: SHOP, offerId: "fiver", customerId, purpose: "next_order", discount: { kind: "fixed_amount", amount: "5.00" }, title: "Five off" });

    expect(code?.label).toBe("5.00 off your next order");
    expect(await readBack(code!.code)).toMatchObject({
      customerGets: { items: { __typename: "AllDiscountItems" }, value: { __typename: "DiscountAmount", amount: { amount: "5.0" }, appliesOnEachItem: false } },
    });
  });

  it.each([
    ["a minute", 1, false],
    ["eleven minutes", 11, true],
  ])("GIVEN a reservation Shopify never confirmed, made %s ago WHEN the code is asked for THEN it is issued anew only once the reservation is stale", async (_age, minutes, issued) => {
    const prisma = database.get().prisma;
    const now = new Date();
    const offerId = `stuck-${minutes}`;
    await prisma.offerDiscountCode.create({
      data: { shop: SHOP, offerId, customerId, purpose: "next_order", armId: "", code: "THANKS-STUCK", title: "Stuck", label: "10% off your next order", endsAt: new Date(now.getTime() + 86_400_000), createdAt: new Date(now.getTime() - minutes * 60_000) },
    });

    const code = await issueDiscountCode(prisma, admin, { shop: SHOP, offerId, customerId, purpose: "next_order", discount: { kind: "percentage", percent: "10" }, title: "Thanks", now });

    if (!issued) return expect(code).toBeNull();
    expect(code?.code).toMatch(/^THANKS-/);
    expect(code?.code).not.toBe("THANKS-STUCK");
    expect(await readBack(code!.code)).toMatchObject({ title: "Thanks" });
  });

  it("GIVEN a customer Shopify does not know WHEN a code is issued THEN Shopify's userErrors come back as ShopifyUserErrorsError and nothing is kept", async () => {
    const error = await issueDiscountCode(database.get().prisma, admin, { shop: SHOP, offerId: "socks", customerId: "gid://shopify/Customer/999999", purpose: "next_order", discount: { kind: "percentage", percent: "10" }, title: "Thanks" }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ShopifyUserErrorsError);
    expect((error as ShopifyUserErrorsError).userErrors.length).toBeGreaterThan(0);
    expect(await database.get().prisma.offerDiscountCode.count({ where: { shop: SHOP, customerId: "gid://shopify/Customer/999999" } })).toBe(0);
  });
});
