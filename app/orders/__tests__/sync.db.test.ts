import { describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { applyOrderWebhook, upsertOrderSnapshot } from "../sync.server";
import { samplePayload } from "./shopify-samples";

const database = useTestDatabase();
const ORDER_ID = "gid://shopify/Order/820982911946154508";

let shopCounter = 0;
const newShop = () => `sync-${++shopCounter}-${Math.random().toString(36).slice(2, 8)}.myshopify.com`;

function orderPayload(updatedAt: string, changes: Record<string, unknown> = {}) {
  return { ...samplePayload("orders/updated"), updated_at: updatedAt, ...changes };
}

describe("applyOrderWebhook", () => {
  it("GIVEN Shopify's sample order WHEN applied THEN the order, its line items and the customer's contact point are stored", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();

    await applyOrderWebhook(prisma, shop, samplePayload("orders/create"));

    const order = await prisma.order.findUniqueOrThrow({ where: { shop_id: { shop, id: ORDER_ID } } });
    expect(order).toMatchObject({ name: "#9999", email: "jon@example.com", fulfillmentStatus: "unfulfilled", shippingCity: "Shippington" });
    expect(await prisma.lineItem.count({ where: { shop, orderId: ORDER_ID } })).toBe(5);
    expect(await prisma.customer.findUnique({ where: { shop_id: { shop, id: "gid://shopify/Customer/115310627314723954" } } })).toMatchObject({
      email: "john@example.com",
      firstName: "John",
    });
  });

  it("GIVEN order webhooks with shipping lines WHEN applied THEN the lines are stored per order, an edit's removal is kept and a late older version changes nothing", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();
    const [line] = samplePayload("orders/create").shipping_lines as Record<string, unknown>[];
    await applyOrderWebhook(prisma, shop, orderPayload("2026-11-20T12:00:00Z"));
    await applyOrderWebhook(prisma, shop, orderPayload("2026-11-20T13:00:00Z", { shipping_lines: [{ ...line, is_removed: true }, { ...line, id: 7, title: "Express", price: "15.00", price_set: null }] }));
    await applyOrderWebhook(prisma, shop, orderPayload("2026-11-20T11:00:00Z", { shipping_lines: [{ ...line, title: "stale" }] }));

    const lines = await prisma.shippingLine.findMany({ where: { shop, orderId: ORDER_ID }, orderBy: { id: "asc" } });
    expect(lines.map((row) => [row.id, row.title, row.price, row.currencyCode, row.isRemoved])).toEqual([
      ["gid://shopify/ShippingLine/271878346596884000", "Generic Shipping", "10.00", "USD", true],
      ["gid://shopify/ShippingLine/7", "Express", "15.00", "USD", false],
    ]);
  });

  it("GIVEN a newer order version is held WHEN an older one arrives late THEN the held state does not move backwards", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();
    await applyOrderWebhook(prisma, shop, orderPayload("2026-11-20T12:00:00Z", { fulfillment_status: "fulfilled", cancelled_at: null }));

    await applyOrderWebhook(prisma, shop, orderPayload("2026-11-20T11:00:00Z", { fulfillment_status: null, tags: "stale" }));

    const order = await prisma.order.findUniqueOrThrow({ where: { shop_id: { shop, id: ORDER_ID } } });
    expect(order).toMatchObject({ fulfillmentStatus: "fulfilled", tags: "tag1, tag2", shopifyUpdatedAt: new Date("2026-11-20T12:00:00Z") });
  });

  it("GIVEN an order WHEN a newer version arrives THEN it is applied", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();
    await applyOrderWebhook(prisma, shop, orderPayload("2026-11-20T11:00:00Z", { cancelled_at: null, cancel_reason: null }));

    await applyOrderWebhook(prisma, shop, orderPayload("2026-11-20T12:00:00Z", { cancelled_at: "2026-11-20T12:00:00Z", cancel_reason: "fraud" }));

    const order = await prisma.order.findUniqueOrThrow({ where: { shop_id: { shop, id: ORDER_ID } } });
    expect(order).toMatchObject({ cancelledAt: new Date("2026-11-20T12:00:00Z"), cancelReason: "fraud" });
  });

  it("GIVEN the same payload WHEN applied three times THEN the rows are the same as after once", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();
    const dump = async () => ({
      orders: await prisma.order.findMany({ where: { shop }, omit: { createdAt: true, updatedAt: true } }),
      lineItems: await prisma.lineItem.findMany({ where: { shop }, orderBy: { id: "asc" } }),
      customers: await prisma.customer.findMany({ where: { shop }, omit: { createdAt: true, updatedAt: true } }),
    });
    await applyOrderWebhook(prisma, shop, samplePayload("orders/paid"));
    const once = await dump();

    await applyOrderWebhook(prisma, shop, samplePayload("orders/paid"));
    await applyOrderWebhook(prisma, shop, samplePayload("orders/paid"));

    expect(await dump()).toEqual(once);
  });

  it("GIVEN a redacted order and customer WHEN a later webhook arrives THEN the shopper's details stay redacted", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();
    await applyOrderWebhook(prisma, shop, orderPayload("2026-11-20T11:00:00Z"));
    const redacted = { email: null, phone: null, customerFirstName: null, shippingCity: null, shippingProvince: null, shippingZip: null };
    await prisma.order.updateMany({ where: { shop }, data: { ...redacted, redactedAt: new Date() } });
    await prisma.customer.updateMany({ where: { shop }, data: { email: null, firstName: null, redactedAt: new Date() } });

    await applyOrderWebhook(prisma, shop, orderPayload("2026-11-20T12:00:00Z", { financial_status: "refunded" }));

    expect(await prisma.order.findFirstOrThrow({ where: { shop } })).toMatchObject({ ...redacted, financialStatus: "refunded" });
    expect(await prisma.customer.findFirstOrThrow({ where: { shop } })).toMatchObject({ email: null, firstName: null });
  });

  it("GIVEN the same order ids under two shops WHEN each applies its own version THEN neither sees or changes the other's", async () => {
    const prisma = database.get().prisma;
    const [first, second] = [newShop(), newShop()];

    await applyOrderWebhook(prisma, first, orderPayload("2026-11-20T12:00:00Z", { name: "#FIRST" }));
    await applyOrderWebhook(prisma, second, orderPayload("2026-11-20T11:00:00Z", { name: "#SECOND" }));

    expect((await prisma.order.findUniqueOrThrow({ where: { shop_id: { shop: first, id: ORDER_ID } } })).name).toBe("#FIRST");
    expect((await prisma.order.findUniqueOrThrow({ where: { shop_id: { shop: second, id: ORDER_ID } } })).name).toBe("#SECOND");
    expect(await prisma.lineItem.count({ where: { shop: second } })).toBe(5);
  });

  it("GIVEN ten concurrent deliveries of versions of one order WHEN applied at once THEN the newest wins", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();
    const versions = Array.from({ length: 10 }, (_, minute) => orderPayload(`2026-11-20T12:0${minute}:00Z`, { tags: `v${minute}` }));

    await Promise.all(versions.reverse().map((payload) => applyOrderWebhook(prisma, shop, payload)));

    expect(await prisma.order.findFirstOrThrow({ where: { shop } })).toMatchObject({ tags: "v9" });
  });

  // On PostgreSQL the order sync runs read committed (guarded writes): the order row's compare-and-set must
  // still keep an older version's line items from landing after the newest's.
  it("GIVEN ten concurrent versions of one order with different line item titles WHEN applied at once THEN every line item is the newest's", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();
    const sample = samplePayload("orders/updated");
    const versions = Array.from({ length: 10 }, (_, minute) =>
      orderPayload(`2026-11-20T12:0${minute}:00Z`, {
        tags: `v${minute}`,
        line_items: (sample.line_items as Record<string, unknown>[]).map((item) => ({ ...item, title: `title v${minute}` })),
      }),
    );

    await Promise.all(versions.reverse().map((payload) => applyOrderWebhook(prisma, shop, payload)));

    const titles = new Set((await prisma.lineItem.findMany({ where: { shop }, select: { title: true } })).map((item) => item.title));
    expect([...titles]).toEqual(["title v9"]);
    expect(await prisma.order.findFirstOrThrow({ where: { shop } })).toMatchObject({ tags: "v9" });
  });
});

describe("upsertOrderSnapshot", () => {
  it("GIVEN a stale snapshot WHEN upserted THEN it reports stale and writes nothing", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();
    await applyOrderWebhook(prisma, shop, orderPayload("2026-11-20T12:00:00Z"));
    const lineItemsBefore = await prisma.lineItem.findMany({ where: { shop }, orderBy: { id: "asc" } });

    const outcome = await upsertOrderSnapshot(prisma, shop, {
      order: { ...(await prisma.order.findFirstOrThrow({ where: { shop }, omit: { shop: true, createdAt: true, updatedAt: true, redactedAt: true } })), name: "#OLD", shopifyUpdatedAt: new Date("2026-11-20T10:00:00Z") },
      lineItems: [{ ...lineItemsBefore[0]!, title: "renamed" }],
      customer: null,
    });

    expect(outcome).toBe("stale");
    expect((await prisma.order.findFirstOrThrow({ where: { shop } })).name).toBe("#9999");
    expect(await prisma.lineItem.findMany({ where: { shop }, orderBy: { id: "asc" } })).toEqual(lineItemsBefore);
  });
});
