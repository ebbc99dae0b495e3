import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StandIn } from "../index.ts";
import { toGid } from "../store/ids.ts";
import { adminData, createSimpleCatalog, FakeApp, graphql, offlineToken, SHOP, startTestStandIn } from "./helpers.ts";

let app: FakeApp;
let standIn: StandIn;
let token: string;
let catalog: ReturnType<typeof createSimpleCatalog>;
const now = new Date("2026-11-20T12:00:00Z");

const DISCOUNT_FIELDS = `... on DiscountCodeBasic { title status summary startsAt endsAt usageLimit appliesOncePerCustomer asyncUsageCount tags
  codes(first: 2) { nodes { code } }
  combinesWith { orderDiscounts productDiscounts shippingDiscounts }
  context { __typename ... on DiscountCustomers { customers { id } } ... on DiscountBuyerSelectionAll { all } }
  minimumRequirement { ... on DiscountMinimumSubtotal { greaterThanOrEqualToSubtotal { amount currencyCode } } }
  customerGets { items { __typename ... on DiscountProducts { products(first: 3) { nodes { id } } } }
    value { __typename ... on DiscountPercentage { percentage } ... on DiscountAmount { amount { amount currencyCode } appliesOnEachItem } } } }`;

const CREATE = `mutation ($input: DiscountCodeBasicInput!) {
  discountCodeBasicCreate(basicCodeDiscount: $input) {
    codeDiscountNode { id codeDiscount { ${DISCOUNT_FIELDS} } }
    userErrors { field message code extraInfo } } }`;

function input(overrides: Record<string, unknown> = {}) {
  return {
    title: "Sorry about the delay",
    code: "SORRY-ZOE-10",
    startsAt: "2026-11-20T00:00:00Z",
    endsAt: "2026-12-20T00:00:00Z",
    usageLimit: 1,
    appliesOncePerCustomer: true,
    customerSelection: { customers: { add: [toGid("Customer", catalog.customer.id)] } },
    customerGets: { value: { percentage: 0.1 }, items: { all: true } },
    combinesWith: { shippingDiscounts: true },
    ...overrides,
  };
}

beforeAll(async () => {
  app = await new FakeApp().start();
  standIn = await startTestStandIn(app, { clock: () => now, scopes: ["read_orders", "read_customers", "read_products", "write_discounts"] });
  catalog = createSimpleCatalog(standIn);
  token = await offlineToken(standIn);
});

afterAll(async () => {
  await standIn.close();
  await app.stop();
});

const send = (query: string, variables: Record<string, unknown> = {}) => adminData(standIn, token, query, variables);

describe("discountCodeBasicCreate", () => {
  it("GIVEN a percentage code for one customer WHEN it is created THEN it reads back by id and by code, with Shopify's summary", async () => {
    const data = await send(CREATE, { input: input() });
    expect(data.discountCodeBasicCreate.userErrors).toEqual([]);
    const node = data.discountCodeBasicCreate.codeDiscountNode;
    expect(node.id).toMatch(/^gid:\/\/shopify\/DiscountCodeNode\/\d+$/);
    expect(node.codeDiscount).toMatchObject({
      title: "Sorry about the delay",
      status: "ACTIVE",
      summary: "10% off entire order • For 1 customer • One use per customer • Limit of 1 use",
      startsAt: "2026-11-20T00:00:00Z",
      endsAt: "2026-12-20T00:00:00Z",
      usageLimit: 1,
      appliesOncePerCustomer: true,
      asyncUsageCount: 0,
      codes: { nodes: [{ code: "SORRY-ZOE-10" }] },
      combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: true },
      context: { __typename: "DiscountCustomers", customers: [{ id: toGid("Customer", catalog.customer.id) }] },
      minimumRequirement: null,
      customerGets: { items: { __typename: "AllDiscountItems" }, value: { __typename: "DiscountPercentage", percentage: 0.1 } },
    });

    const byCode = await send(`query ($code: String!) { codeDiscountNodeByCode(code: $code) { id codeDiscount { ${DISCOUNT_FIELDS} } } }`, { code: "sorry-zoe-10" });
    expect(byCode.codeDiscountNodeByCode.id).toBe(node.id);
    const numeric = node.id.split("/").pop();
    const byId = await send(`query ($id: ID!) { discountNode(id: $id) { id discount { ${DISCOUNT_FIELDS} } } }`, { id: `gid://shopify/DiscountNode/${numeric}` });
    expect(byId.discountNode).toMatchObject({ id: `gid://shopify/DiscountNode/${numeric}`, discount: { title: "Sorry about the delay", codes: { nodes: [{ code: "SORRY-ZOE-10" }] } } });
    const missing = await send(`{ codeDiscountNodeByCode(code: "NOPE") { id } discountNode(id: "gid://shopify/DiscountNode/1") { id } }`, {});
    expect(missing).toEqual({ codeDiscountNodeByCode: null, discountNode: null });
  });

  it("GIVEN a fixed amount for everyone on some products with a minimum WHEN it is created THEN the amount, products and minimum read back; a future start is SCHEDULED", async () => {
    const data = await send(CREATE, {
      input: input({
        code: "FIVE-OFF",
        startsAt: "2026-12-01T00:00:00Z",
        endsAt: null,
        usageLimit: null,
        appliesOncePerCustomer: false,
        customerSelection: { all: true },
        customerGets: { value: { discountAmount: { amount: "5.00", appliesOnEachItem: false } }, items: { products: { productsToAdd: [toGid("Product", catalog.product.id)] } } },
        minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: "20.00" } },
      }),
    });
    expect(data.discountCodeBasicCreate.userErrors).toEqual([]);
    expect(data.discountCodeBasicCreate.codeDiscountNode.codeDiscount).toMatchObject({
      status: "SCHEDULED",
      endsAt: null,
      context: { __typename: "DiscountBuyerSelectionAll", all: "ALL" },
      minimumRequirement: { greaterThanOrEqualToSubtotal: { amount: "20.0", currencyCode: "USD" } },
      customerGets: {
        items: { __typename: "DiscountProducts", products: { nodes: [{ id: toGid("Product", catalog.product.id) }] } },
        value: { __typename: "DiscountAmount", amount: { amount: "5.0", currencyCode: "USD" }, appliesOnEachItem: false },
      },
    });
  });

  it("GIVEN the same code again, in another case WHEN it is created THEN Shopify's uniqueness error comes back and nothing is created", async () => {
    await send(CREATE, { input: input({ code: "UNIQUE-1" }) });
    const before = standIn.store.state(SHOP).discounts.size;
    const data = await send(CREATE, { input: input({ code: "unique-1" }) });
    expect(data.discountCodeBasicCreate).toEqual({
      codeDiscountNode: null,
      userErrors: [{ field: ["basicCodeDiscount", "code"], message: "Code must be unique. Please try a different code.", code: "TAKEN", extraInfo: null }],
    });
    expect(standIn.store.state(SHOP).discounts.size).toBe(before);
  });

  it.each([
    ["a blank code", { code: "  " }, ["basicCodeDiscount", "code"], "BLANK", "Code can't be blank"],
    ["a blank title", { title: "" }, ["basicCodeDiscount", "title"], "BLANK", "Title can't be blank"],
    ["an end before the start", { code: "E1", endsAt: "2026-11-01T00:00:00Z" }, ["basicCodeDiscount", "endsAt"], "END_DATE_BEFORE_START_DATE", "Ends at needs to be after starts_at"],
    ["a percentage above 100%", { code: "P1", customerGets: { value: { percentage: 1.5 }, items: { all: true } } }, ["basicCodeDiscount", "customerGets", "value", "percentage"], "VALUE_OUTSIDE_RANGE", "Value must be between 0.0 and 1.0"],
    ["no value", { code: "V1", customerGets: { items: { all: true } } }, ["basicCodeDiscount", "customerGets", "value"], "BLANK", "Customer gets value can't be blank"],
    ["a zero usage limit", { code: "U1", usageLimit: 0 }, ["basicCodeDiscount", "usageLimit"], "GREATER_THAN", "Usage limit must be greater than 0"],
    ["an unknown customer", { code: "C1", customerSelection: { customers: { add: ["gid://shopify/Customer/1"] } } }, ["basicCodeDiscount", "customerSelection", "customers", "add", "0"], "INVALID", "Customer does not exist"],
    ["no start", { code: "S1", startsAt: null }, ["basicCodeDiscount", "startsAt"], "BLANK", "Starts at can't be blank"],
  ])("GIVEN %s WHEN discountCodeBasicCreate runs THEN the userError names the field", async (_case, overrides, field, code, message) => {
    const data = await send(CREATE, { input: input(overrides) });
    expect(data.discountCodeBasicCreate).toEqual({ codeDiscountNode: null, userErrors: [{ field, message, code, extraInfo: null }] });
  });

  it("GIVEN a customer chosen through context (the 2026-07 way) WHEN the code is created THEN the context names that customer", async () => {
    const data = await send(CREATE, { input: input({ code: "CTX-1", customerSelection: undefined, context: { customers: { add: [toGid("Customer", catalog.customer.id)] } } }) });
    expect(data.discountCodeBasicCreate.codeDiscountNode.codeDiscount.context).toEqual({ __typename: "DiscountCustomers", customers: [{ id: toGid("Customer", catalog.customer.id) }] });
  });
});

describe("access scopes", () => {
  it("GIVEN an app installed without write_discounts WHEN it creates or reads a code THEN Shopify's ACCESS_DENIED comes back and nothing is created", async () => {
    const other = await startTestStandIn(app, { scopes: ["read_orders"] });
    try {
      const otherToken = await offlineToken(other);
      const { body } = await graphql(other, otherToken, CREATE, { input: { title: "X", code: "X", startsAt: "2026-11-20T00:00:00Z", customerGets: { value: { percentage: 0.1 }, items: { all: true } } } });
      expect(body.data).toEqual({ discountCodeBasicCreate: null });
      expect(body.errors[0]).toMatchObject({
        message: "Access denied for discountCodeBasicCreate field. Required access: `write_discounts` access scope.",
        extensions: { code: "ACCESS_DENIED", requiredAccess: "`write_discounts` access scope." },
      });
      const read = await graphql(other, otherToken, `{ codeDiscountNodeByCode(code: "X") { id } }`);
      expect(read.body.errors[0].extensions.code).toBe("ACCESS_DENIED");
      expect(other.store.state(SHOP).discounts.size).toBe(0);
    } finally {
      await other.close();
    }
  });
});
