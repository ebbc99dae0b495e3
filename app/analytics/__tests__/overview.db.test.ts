import { beforeAll, describe, expect, it } from "vitest";
import { getShopOverview } from "~/analytics/overview.server";
import { useTestDatabase } from "~/test/database";
import { daysBefore, orderGid, seedJob, seedOrder, seedShipment, seedWebhookEvent } from "./overview-fixtures";

const ALPHA = "alpha.myshopify.com";
const BETA = "beta.myshopify.com";
const EMPTY = "empty.myshopify.com";
const NOW = new Date("2026-03-15T12:00:00.000Z");
const ago = (days: number) => daysBefore(NOW, days);

const database = useTestDatabase();
const shipmentIds: Record<string, string> = {};

beforeAll(async () => {
  const client = database.get().prisma;

  // Alpha: orders across the 30-day window in every fulfillment state, in both REST and GraphQL spelling.
  await seedOrder(client, ALPHA, 1001, { processedAt: ago(2), fulfillmentStatus: null });
  await seedOrder(client, ALPHA, 1002, { processedAt: ago(3), fulfillmentStatus: "partial" });
  await seedOrder(client, ALPHA, 1003, { processedAt: ago(5), fulfillmentStatus: "PARTIALLY_FULFILLED" });
  await seedOrder(client, ALPHA, 1004, { processedAt: ago(10), fulfillmentStatus: "fulfilled" });
  await seedOrder(client, ALPHA, 1005, { processedAt: ago(12), fulfillmentStatus: "FULFILLED", cancelledAt: ago(11) });
  await seedOrder(client, ALPHA, 1006, { processedAt: ago(30), fulfillmentStatus: "UNFULFILLED" });
  await seedOrder(client, ALPHA, 1007, { processedAt: ago(30.001), fulfillmentStatus: "fulfilled" });

  const shipments: Array<[string, number, Parameters<typeof seedShipment>[3]]> = [
    ["deliveredRecently", 1004, { status: "delivered", statusAt: ago(8) }],
    ["deliveredLongAgo", 1007, { status: "delivered", statusAt: ago(35) }],
    ["moving", 1002, { status: "in_transit", statusAt: ago(1), lastEventAt: ago(1) }],
    ["stalledInTransit", 1002, { status: "in_transit", statusAt: ago(6), lastEventAt: ago(5) }],
    ["recentScanKeepsMoving", 1003, { status: "in_transit", statusAt: ago(6), lastEventAt: ago(1) }],
    ["exception", 1003, { status: "exception", statusAt: ago(2) }],
    ["attempted", 1006, { status: "attempted_delivery", statusAt: ago(1) }],
    ["delayed", 1006, { status: "delayed", statusAt: ago(4) }],
    ["neverPickedUp", 1007, { status: "label_created", statusAt: ago(45) }],
    ["returnedLongAgo", 1004, { status: "returned_to_sender", statusAt: ago(50) }],
    ["unknownStatus", 1001, { status: "lost_in_space", statusAt: ago(1) }],
  ];
  for (const [key, order, fields] of shipments) shipmentIds[key] = await seedShipment(client, ALPHA, order, fields);

  await seedWebhookEvent(client, ALPHA, { status: "processed", receivedAt: ago(0.1) });
  await seedWebhookEvent(client, ALPHA, { status: "received", receivedAt: ago(0.5) });
  await seedWebhookEvent(client, ALPHA, { status: "failed", receivedAt: ago(0.9) });
  await seedWebhookEvent(client, ALPHA, { status: "failed", receivedAt: ago(3) });
  await seedWebhookEvent(client, ALPHA, { status: "processed", receivedAt: ago(2) });
  for (const status of ["dead", "dead", "queued", "succeeded"]) await seedJob(client, ALPHA, status);
  await client.shop.create({ data: { shop: ALPHA, ianaTimezone: "America/New_York", lastReconciledAt: ago(0.25) } });

  // Beta reuses alpha's order id: nothing of one shop may leak into the other's figures or joins.
  await seedOrder(client, BETA, 1001, { processedAt: ago(1), fulfillmentStatus: "fulfilled", name: "#B1001" });
  await seedShipment(client, BETA, 1001, { status: "exception", statusAt: ago(1) });
  await seedWebhookEvent(client, BETA, { status: "failed", receivedAt: ago(0.2) });
  await seedJob(client, BETA, "dead");
});

describe("getShopOverview", () => {
  it("GIVEN orders inside and outside 30 days WHEN the overview is taken THEN it counts the window's orders by fulfillment", async () => {
    const overview = await getShopOverview(database.get().prisma, ALPHA, NOW);

    expect(overview.orders).toEqual({ total: 6, unfulfilled: 2, partiallyFulfilled: 2, fulfilled: 1, cancelled: 1 });
    expect(overview.windowDays).toBe(30);
  });

  it("GIVEN open and closed shipments WHEN the overview is taken THEN it counts open ones and those closed in the window", async () => {
    const { shipments } = await getShopOverview(database.get().prisma, ALPHA, NOW);

    expect(shipments.total).toBe(9);
    expect(shipments.byStatus).toEqual({
      label_created: 1,
      picked_up: 0,
      in_transit: 3,
      out_for_delivery: 0,
      attempted_delivery: 1,
      ready_for_pickup: 0,
      delayed: 1,
      exception: 1,
      delivered: 1,
      returned_to_sender: 0,
      cancelled: 0,
      other: 1,
    });
  });

  it("GIVEN flagged and silent shipments WHEN the overview is taken THEN each needing attention is counted once, oldest listed first", async () => {
    const { attention } = await getShopOverview(database.get().prisma, ALPHA, NOW);

    expect(attention.byReason).toEqual({ exception: 1, attempted_delivery: 1, delayed: 1, stalled: 2 });
    expect(attention.total).toBe(5);
    expect(attention.shipments.map((shipment) => [shipment.id, shipment.reason, shipment.orderName])).toEqual([
      [shipmentIds.neverPickedUp, "stalled", "#1007"],
      [shipmentIds.stalledInTransit, "stalled", "#1002"],
      [shipmentIds.delayed, "delayed", "#1006"],
      [shipmentIds.exception, "exception", "#1003"],
      [shipmentIds.attempted, "attempted_delivery", "#1006"],
    ]);
    expect(attention.shipments[1]?.lastActivityAt).toEqual(ago(5));
  });

  it("GIVEN orders with parcels WHEN the overview is taken THEN recent orders list newest first with their parcels' statuses", async () => {
    const { recentOrders } = await getShopOverview(database.get().prisma, ALPHA, NOW);

    expect(recentOrders.map((order) => [order.name, order.fulfillment, order.shipments])).toEqual([
      ["#1001", "unfulfilled", [{ status: "lost_in_space", count: 1 }]],
      ["#1002", "partially_fulfilled", [{ status: "in_transit", count: 2 }]],
      ["#1003", "partially_fulfilled", [{ status: "in_transit", count: 1 }, { status: "exception", count: 1 }]],
      ["#1004", "fulfilled", [{ status: "delivered", count: 1 }, { status: "returned_to_sender", count: 1 }]],
      ["#1005", "cancelled", []],
      ["#1006", "unfulfilled", [{ status: "attempted_delivery", count: 1 }, { status: "delayed", count: 1 }]],
      ["#1007", "fulfilled", [{ status: "label_created", count: 1 }, { status: "delivered", count: 1 }]],
    ]);
    expect(recentOrders[0]).toMatchObject({ id: orderGid(1001), processedAt: ago(2) });
  });

  it("GIVEN webhook deliveries and jobs WHEN the overview is taken THEN the inbox health counts the last 24 h and every failure", async () => {
    const overview = await getShopOverview(database.get().prisma, ALPHA, NOW);

    expect(overview.webhooks).toEqual({ receivedLast24h: 3, failed: 2, deadJobs: 2 });
    expect(overview.lastReconciledAt).toEqual(ago(0.25));
    expect(overview.timeZone).toBe("America/New_York");
    expect(overview.isEmpty).toBe(false);
  });

  it("GIVEN two shops sharing order ids WHEN the second shop's overview is taken THEN it holds only its own rows", async () => {
    const overview = await getShopOverview(database.get().prisma, BETA, NOW);

    expect(overview.orders).toEqual({ total: 1, unfulfilled: 0, partiallyFulfilled: 0, fulfilled: 1, cancelled: 0 });
    expect(overview.shipments.total).toBe(1);
    expect(overview.attention.total).toBe(1);
    expect(overview.attention.shipments.map((shipment) => shipment.orderName)).toEqual(["#B1001"]);
    expect(overview.recentOrders).toEqual([
      { id: orderGid(1001), name: "#B1001", processedAt: ago(1), fulfillment: "fulfilled", shipments: [{ status: "exception", count: 1 }] },
    ]);
    expect(overview.webhooks).toEqual({ receivedLast24h: 1, failed: 1, deadJobs: 1 });
    expect(overview.lastReconciledAt).toBeNull();
    expect(overview.timeZone).toBe("UTC");
  });

  it("GIVEN a shop with no stored rows WHEN the overview is taken THEN every figure is zero and it is empty", async () => {
    const overview = await getShopOverview(database.get().prisma, EMPTY, NOW);

    expect(overview).toMatchObject({
      orders: { total: 0, unfulfilled: 0, partiallyFulfilled: 0, fulfilled: 0, cancelled: 0 },
      shipments: { total: 0 },
      attention: { total: 0, shipments: [] },
      recentOrders: [],
      webhooks: { receivedLast24h: 0, failed: 0, deadJobs: 0 },
      lastReconciledAt: null,
      isEmpty: true,
    });
  });
});
