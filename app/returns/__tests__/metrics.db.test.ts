import { describe, expect, it } from "vitest";
import type { DbClient } from "~/db.server";
import { useTestDatabase } from "~/test/database";
import { loadReturnsMetrics } from "../metrics.server";

const database = useTestDatabase();
const prisma = () => database.get().prisma;

const NOW = new Date("2026-11-26T12:00:00Z");
const daysAgo = (days: number, hours = 0) => new Date(NOW.getTime() - days * 86_400_000 + hours * 3_600_000);
const order = (n: number) => `gid://shopify/Order/${n}`;
const lineItem = (n: number) => `gid://shopify/LineItem/${n}`;
const product = (n: number) => `gid://shopify/Product/${n}`;
let counter = 0;

async function seedOrder(client: DbClient, shop: string, n: number, processedAt: Date, fulfillmentStatus: string | null, cancelledAt: Date | null = null) {
  await client.order.create({ data: { shop, id: order(n), name: `#${n}`, processedAt, shopifyUpdatedAt: processedAt, fulfillmentStatus, cancelledAt } });
}

async function seedFulfillment(client: DbClient, shop: string, id: string, orderN: number, status: string, lines: [number, number][]) {
  const at = daysAgo(1);
  await client.fulfillment.create({ data: { shop, id: `gid://shopify/Fulfillment/${id}`, orderId: order(orderN), status, shopifyCreatedAt: at, shopifyUpdatedAt: at } });
  for (const [item, quantity] of lines) {
    await client.fulfillmentLineItem.create({ data: { shop, fulfillmentId: `gid://shopify/Fulfillment/${id}`, lineItemId: lineItem(item), quantity } });
  }
}

interface CaseSeed {
  id: string;
  orderN: number;
  status: string;
  outcome: string;
  requestedAt: Date;
  processedAt?: Date;
  money?: Partial<Record<"refundAmount" | "storeCreditAmount" | "bonusAmount" | "exchangeValue" | "amountDue", string>>;
  lines: { item: number; quantity: number; reason: string; title: string }[];
}

async function seedCase(client: DbClient, shop: string, seed: CaseSeed) {
  const zero = { itemsValue: "0.00", fees: "0.00", refundAmount: "0.00", storeCreditAmount: "0.00", bonusAmount: "0.00", exchangeValue: "0.00", amountDue: "0.00" };
  await client.returnCase.create({
    data: {
      ...zero,
      ...seed.money,
      shop,
      id: seed.id,
      orderId: order(seed.orderN),
      customerId: "gid://shopify/Customer/1",
      status: seed.status,
      outcome: seed.outcome,
      idempotencyKey: `key-${seed.id}`,
      decision: "{}",
      currency: "EUR",
      requestedAt: seed.requestedAt,
      processedAt: seed.processedAt ?? null,
    },
  });
  for (const line of seed.lines) {
    await client.returnLine.create({
      data: {
        shop,
        returnId: seed.id,
        fulfillmentLineItemId: `gid://shopify/FulfillmentLineItem/${seed.id}-${line.item}`,
        lineItemId: lineItem(line.item),
        title: line.title,
        quantity: line.quantity,
        reason: line.reason,
        value: "10.00",
      },
    });
  }
}

/**
 * Orders: 1 fulfilled and 2 partly fulfilled in the last 30 days, 3 unfulfilled, 4 cancelled, 5 fulfilled 100
 * days ago, 6 fulfilled (GraphQL spelling). Cases: c1 refunded in 48 h, c2 waiting store credit, c3 an exchange on
 * the old order 5, c4 declined, c5 open but requested 40 days ago, c6 still being submitted.
 */
async function seedShop(): Promise<string> {
  const client = prisma();
  const shop = `metrics-${++counter}-${Date.now()}.myshopify.com`;
  await seedOrder(client, shop, 1, daysAgo(10), "fulfilled");
  await seedOrder(client, shop, 2, daysAgo(5), "partial");
  await seedOrder(client, shop, 3, daysAgo(8), null);
  await seedOrder(client, shop, 4, daysAgo(20), "fulfilled", daysAgo(19));
  await seedOrder(client, shop, 5, daysAgo(100), "fulfilled");
  await seedOrder(client, shop, 6, daysAgo(2), "FULFILLED");
  for (const [n, orderN, productN] of [[1, 1, 1], [2, 1, 2], [3, 2, 1], [5, 5, 2]] as const) {
    await client.lineItem.create({ data: { shop, id: lineItem(n), orderId: order(orderN), productId: product(productN), title: productN === 1 ? "Mug" : "Cap", quantity: 5 } });
  }
  await seedFulfillment(client, shop, "f1", 1, "success", [[1, 2], [2, 1]]);
  await seedFulfillment(client, shop, "f2", 2, "success", [[3, 1]]);
  await seedFulfillment(client, shop, "f2-cancelled", 2, "cancelled", [[3, 5]]);
  await seedFulfillment(client, shop, "f4", 4, "success", [[9, 10]]);
  await seedFulfillment(client, shop, "f5", 5, "success", [[5, 3]]);
  await seedFulfillment(client, shop, "f6", 6, "success", [[6, 4]]);

  await seedCase(client, shop, {
    id: "c1",
    orderN: 1,
    status: "processed",
    outcome: "refund",
    requestedAt: daysAgo(9),
    processedAt: daysAgo(9, 48),
    money: { refundAmount: "20.00" },
    lines: [{ item: 1, quantity: 2, reason: "defective", title: "Mug" }],
  });
  await seedCase(client, shop, {
    id: "c2",
    orderN: 2,
    status: "requested",
    outcome: "store_credit",
    requestedAt: daysAgo(4),
    money: { storeCreditAmount: "11.00", bonusAmount: "1.00" },
    lines: [{ item: 3, quantity: 1, reason: "size_too_small", title: "Mug" }],
  });
  await seedCase(client, shop, {
    id: "c3",
    orderN: 5,
    status: "closed",
    outcome: "exchange",
    requestedAt: daysAgo(20),
    processedAt: daysAgo(20, 24),
    money: { exchangeValue: "15.00" },
    lines: [{ item: 5, quantity: 1, reason: "unwanted", title: "Cap" }],
  });
  await seedCase(client, shop, { id: "c4", orderN: 1, status: "declined", outcome: "refund", requestedAt: daysAgo(3), lines: [{ item: 2, quantity: 1, reason: "unwanted", title: "Cap" }] });
  await seedCase(client, shop, { id: "c5", orderN: 5, status: "open", outcome: "refund", requestedAt: daysAgo(40), lines: [{ item: 5, quantity: 1, reason: "unwanted", title: "Cap" }] });
  await seedCase(client, shop, { id: "c6", orderN: 6, status: "submitting", outcome: "refund", requestedAt: daysAgo(1), lines: [{ item: 6, quantity: 4, reason: "defective", title: "Lamp" }] });
  return shop;
}

/** Another shop with the same ids and different facts: any query that forgets the shop shows up in the numbers. */
async function seedLookalikeShop(): Promise<void> {
  const client = prisma();
  const shop = `lookalike-${++counter}-${Date.now()}.myshopify.com`;
  await seedOrder(client, shop, 1, daysAgo(10), "fulfilled");
  await seedOrder(client, shop, 7, daysAgo(3), "fulfilled");
  await client.lineItem.create({ data: { shop, id: lineItem(1), orderId: order(1), productId: product(99), title: "Other", quantity: 1 } });
  await seedFulfillment(client, shop, "f1", 1, "success", [[1, 100]]);
  await seedCase(client, shop, {
    id: "c1",
    orderN: 1,
    status: "received",
    outcome: "refund",
    requestedAt: daysAgo(2),
    money: { refundAmount: "999.00" },
    lines: [{ item: 1, quantity: 50, reason: "wrong_item", title: "Other" }],
  });
}

describe("loadReturnsMetrics", () => {
  it("GIVEN a shop's orders and returns over the last 30 days THEN every number is computed from its own rows", async () => {
    const shop = await seedShop();
    await seedLookalikeShop();

    const metrics = await loadReturnsMetrics(prisma(), shop, 30, NOW);

    expect(metrics).toEqual({
      periodDays: 30,
      since: daysAgo(30).toISOString(),
      until: NOW.toISOString(),
      cases: 3,
      // Orders 1, 2 and 6 shipped (8 units, the cancelled fulfillment left out); 1 and 2 have returns (3 units).
      returnRate: { orders: { count: 2, of: 3, rate: 0.6667 }, items: { count: 3, of: 8, rate: 0.375 } },
      outcomes: { exchange: 1, store_credit: 1, refund: 1 },
      exchangeShare: { count: 1, of: 3, rate: 0.3333 },
      money: [
        {
          currency: "EUR",
          refunded: { amount: "20.00", currency: "EUR" },
          storeCredit: { amount: "11.00", currency: "EUR" },
          exchanged: { amount: "15.00", currency: "EUR" },
          bonus: { amount: "1.00", currency: "EUR" },
          kept: { amount: "25.00", currency: "EUR" },
          keptShare: 0.5556,
        },
      ],
      topReasons: [
        { reason: "defective", units: 2, share: 0.5 },
        { reason: "size_too_small", units: 1, share: 0.25 },
        { reason: "unwanted", units: 1, share: 0.25 },
      ],
      topProducts: [
        {
          productId: product(1),
          title: "Mug",
          units: 3,
          share: 0.75,
          reasons: [
            { reason: "defective", units: 2, share: 0.6667 },
            { reason: "size_too_small", units: 1, share: 0.3333 },
          ],
        },
        { productId: product(2), title: "Cap", units: 1, share: 0.25, reasons: [{ reason: "unwanted", units: 1, share: 1 }] },
      ],
      timeToRefund: { cases: 2, medianHours: 24, p90Hours: 48 },
      open: {
        total: 2,
        byStatus: [
          { status: "requested", count: 1 },
          { status: "open", count: 1 },
          { status: "in_transit", count: 0 },
          { status: "received", count: 0 },
        ],
      },
    });
  });

  it("GIVEN a year THEN older orders and cases join the period", async () => {
    const shop = await seedShop();

    const metrics = await loadReturnsMetrics(prisma(), shop, 365, NOW);

    expect(metrics.cases).toBe(4);
    expect(metrics.returnRate).toEqual({ orders: { count: 3, of: 4, rate: 0.75 }, items: { count: 5, of: 11, rate: 0.4545 } });
    expect(metrics.outcomes).toEqual({ exchange: 1, store_credit: 1, refund: 2 });
  });

  it("GIVEN a shop with no returns THEN the numbers are empty, not an error", async () => {
    await seedShop();

    const metrics = await loadReturnsMetrics(prisma(), "quiet.myshopify.com", 90, NOW);

    expect(metrics).toMatchObject({
      cases: 0,
      returnRate: { orders: { count: 0, of: 0, rate: null }, items: { count: 0, of: 0, rate: null } },
      money: [],
      topReasons: [],
      timeToRefund: { cases: 0, medianHours: null, p90Hours: null },
      open: { total: 0 },
    });
  });
});
