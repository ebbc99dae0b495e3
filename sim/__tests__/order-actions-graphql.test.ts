import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StandIn } from "../index.ts";
import { toGid } from "../store/ids.ts";
import { adminData, createSimpleCatalog, FakeApp, offlineToken, SHOP, startTestStandIn, topicsSince, webhookMark } from "./helpers.ts";

let app: FakeApp;
let standIn: StandIn;
let token: string;
let catalog: ReturnType<typeof createSimpleCatalog>;

const TAGS_ADD = `mutation ($id: ID!, $tags: [String!]!) { tagsAdd(id: $id, tags: $tags) { node { id ... on Order { tags } } userErrors { field message } } }`;
const TAGS_REMOVE = `mutation ($id: ID!, $tags: [String!]!) { tagsRemove(id: $id, tags: $tags) { node { id ... on Order { tags } } userErrors { field message } } }`;
const DRAFT_FIELDS = `id name status note2 tags email customer { id } totalQuantityOfLineItems
  subtotalPriceSet { shopMoney { amount } } totalPriceSet { shopMoney { amount currencyCode } } totalDiscountsSet { shopMoney { amount } }
  shippingAddress { city countryCodeV2 }
  lineItems(first: 5) { nodes { title variantTitle quantity custom variant { id } product { id }
    originalUnitPriceSet { shopMoney { amount } } discountedTotalSet { shopMoney { amount } }
    appliedDiscount { title description value valueType amountSet { shopMoney { amount } } } } }`;
const DRAFT_CREATE = `mutation ($input: DraftOrderInput!) { draftOrderCreate(input: $input) { draftOrder { ${DRAFT_FIELDS} } userErrors { field message } } }`;

beforeAll(async () => {
  app = await new FakeApp().start();
  standIn = await startTestStandIn(app, { scopes: ["read_orders", "write_orders", "read_customers", "read_products", "write_draft_orders"] });
  catalog = createSimpleCatalog(standIn);
  token = await offlineToken(standIn);
});

afterAll(async () => {
  await standIn.close();
  await app.stop();
});

const send = (query: string, variables: Record<string, unknown> = {}) => adminData(standIn, token, query, variables);

const mark = () => webhookMark(standIn, app);

const topics = (since: number) => topicsSince(standIn, app, since);

describe("tagsAdd and tagsRemove on orders", () => {
  it("GIVEN an order WHEN tags are added (list or comma-separated) and removed THEN the order's tags change and orders/updated carries them", async () => {
    const order = standIn.store.createOrder(SHOP, { lineItems: [{ variantId: catalog.variants[0]!.id, quantity: 1 }], tags: ["vip"] });
    const id = toGid("Order", order.id);
    const seen = await mark();
    const added = await send(TAGS_ADD, { id, tags: ["aftercare-delayed", "reship, VIP"] });
    expect(added.tagsAdd).toEqual({ node: { id, tags: ["vip", "aftercare-delayed", "reship"] }, userErrors: [] });
    expect(await topics(seen)).toEqual(["orders/updated"]);
    expect(JSON.parse(app.webhooks("orders/updated").at(-1)!.body).tags).toBe("vip, aftercare-delayed, reship");

    const removed = await send(TAGS_REMOVE, { id, tags: ["RESHIP", "not-there"] });
    expect(removed.tagsRemove).toEqual({ node: { id, tags: ["vip", "aftercare-delayed"] }, userErrors: [] });
    const read = await send(`query ($id: ID!) { order(id: $id) { tags } }`, { id });
    expect(read.order.tags).toEqual(["vip", "aftercare-delayed"]);
  });

  it("GIVEN tags the order already has WHEN they are added again THEN nothing changes and no webhook is sent", async () => {
    const order = standIn.store.createOrder(SHOP, { lineItems: [{ variantId: catalog.variants[0]!.id, quantity: 1 }], tags: ["vip"] });
    const seen = await mark();
    const data = await send(TAGS_ADD, { id: toGid("Order", order.id), tags: ["VIP"] });
    expect(data.tagsAdd.node.tags).toEqual(["vip"]);
    expect(await topics(seen)).toEqual([]);
  });

  it.each([
    ["an unknown order", "gid://shopify/Order/1", ["x"], "Order does not exist"],
    ["a tag over 255 characters", "ORDER", ["x".repeat(256)], "is too long (maximum is 255 characters)"],
  ])("GIVEN %s WHEN tagsAdd runs THEN a userError comes back and the order is unchanged", async (_case, idInput, tags, message) => {
    const order = standIn.store.createOrder(SHOP, { lineItems: [{ variantId: catalog.variants[0]!.id, quantity: 1 }], tags: ["keep"] });
    const data = await send(TAGS_ADD, { id: idInput === "ORDER" ? toGid("Order", order.id) : idInput, tags });
    expect(data.tagsAdd.node).toBeNull();
    expect(data.tagsAdd.userErrors[0].message).toContain(message);
    expect(standIn.store.state(SHOP).order(order.id).tags).toEqual(["keep"]);
  });
});

describe("draftOrderCreate and draftOrder", () => {
  it("GIVEN a reship WHEN a draft order is created with variant lines at 100% off, a note and tags THEN it totals zero, reads back by id and draft_orders/create is emitted", async () => {
    const seen = standIn.webhooks.deliveries({ topic: "draft_orders/create" }).length;
    const data = await send(DRAFT_CREATE, {
      input: {
        customerId: toGid("Customer", catalog.customer.id),
        note: "Reship for #1001: lost in transit",
        tags: ["aftercare-reship", "aftercare-reship"],
        lineItems: [
          { variantId: toGid("ProductVariant", catalog.variants[0]!.id), quantity: 2, appliedDiscount: { value: 100, valueType: "PERCENTAGE", title: "Reship", description: "Lost parcel" } },
        ],
      },
    });
    expect(data.draftOrderCreate.userErrors).toEqual([]);
    const draft = data.draftOrderCreate.draftOrder;
    expect(draft).toMatchObject({
      name: "#D1",
      status: "OPEN",
      note2: "Reship for #1001: lost in transit",
      tags: ["aftercare-reship"],
      email: "zoe@example.de",
      customer: { id: toGid("Customer", catalog.customer.id) },
      totalQuantityOfLineItems: 2,
      subtotalPriceSet: { shopMoney: { amount: "0.0" } },
      totalPriceSet: { shopMoney: { amount: "0.0", currencyCode: "USD" } },
      totalDiscountsSet: { shopMoney: { amount: "36.0" } },
      shippingAddress: { city: "München", countryCodeV2: "DE" },
      lineItems: {
        nodes: [
          {
            title: "Trail Mug",
            variantTitle: "Blue",
            quantity: 2,
            custom: false,
            variant: { id: toGid("ProductVariant", catalog.variants[0]!.id) },
            originalUnitPriceSet: { shopMoney: { amount: "18.0" } },
            discountedTotalSet: { shopMoney: { amount: "0.0" } },
            appliedDiscount: { title: "Reship", description: "Lost parcel", value: 100, valueType: "PERCENTAGE", amountSet: { shopMoney: { amount: "36.0" } } },
          },
        ],
      },
    });
    const read = await send(`query ($id: ID!) { draftOrder(id: $id) { id name status } }`, { id: draft.id });
    expect(read.draftOrder).toEqual({ id: draft.id, name: "#D1", status: "OPEN" });
    await standIn.webhooks.idle();
    const deliveries = standIn.webhooks.deliveries({ topic: "draft_orders/create" });
    expect(deliveries.length).toBeGreaterThanOrEqual(seen);
  });

  it.each([
    ["no line items", { lineItems: [] }, ["input", "lineItems"], "Add at least 1 product"],
    ["an unknown variant", { lineItems: [{ variantId: "gid://shopify/ProductVariant/1", quantity: 1 }] }, ["input", "lineItems", "0", "variantId"], "Product with ID 1 is no longer available."],
    ["a zero quantity", { lineItems: [{ variantId: "VARIANT", quantity: 0 }] }, ["input", "lineItems", "0", "quantity"], "Quantity must be greater than or equal to 1"],
    ["a discount over 100%", { lineItems: [{ variantId: "VARIANT", quantity: 1, appliedDiscount: { value: 150, valueType: "PERCENTAGE" } }] }, ["input", "lineItems", "0", "appliedDiscount", "value"], "Applied discount value must be less than or equal to 100"],
    ["a custom line without a title", { lineItems: [{ quantity: 1, originalUnitPrice: "5.00" }] }, ["input", "lineItems", "0", "title"], "Title can't be blank"],
    ["an unknown customer", { customerId: "gid://shopify/Customer/1", lineItems: [{ variantId: "VARIANT", quantity: 1 }] }, ["input", "customerId"], "Customer does not exist"],
  ])("GIVEN %s WHEN draftOrderCreate runs THEN the userError names the field and no draft is created", async (_case, input, field, message) => {
    const before = standIn.store.state(SHOP).draftOrders.size;
    const withVariant = JSON.parse(JSON.stringify(input).replaceAll('"VARIANT"', JSON.stringify(toGid("ProductVariant", catalog.variants[0]!.id))));
    const data = await send(DRAFT_CREATE, { input: withVariant });
    expect(data.draftOrderCreate).toEqual({ draftOrder: null, userErrors: [{ field, message }] });
    expect(standIn.store.state(SHOP).draftOrders.size).toBe(before);
  });

  it("GIVEN a custom line with a price and a fixed order discount WHEN the draft is created THEN the totals subtract it", async () => {
    const data = await send(DRAFT_CREATE, {
      input: { email: "guest@example.com", lineItems: [{ title: "Replacement lid", quantity: 1, originalUnitPriceWithCurrency: { amount: "12.50", currencyCode: "USD" } }], appliedDiscount: { value: 2.5, valueType: "FIXED_AMOUNT", title: "Goodwill" } },
    });
    expect(data.draftOrderCreate.draftOrder).toMatchObject({ email: "guest@example.com", customer: null, totalPriceSet: { shopMoney: { amount: "10.0" } }, lineItems: { nodes: [{ title: "Replacement lid", custom: true, variant: null }] } });
  });
});
