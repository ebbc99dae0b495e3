import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbClient } from "~/db.server";
import { drainJobs } from "~/jobs/worker.server";
import { applyOrderWebhook } from "~/orders/sync.server";
import { useTestDatabase } from "~/test/database";
import { splitShipmentDeliveries, ORDER_GID, type Delivery } from "~/tracking/__tests__/split-shipment-scenario";
import { applyFulfillmentEventWebhook } from "~/tracking/fulfillment-events.server";
import { applyFulfillmentWebhook } from "~/tracking/fulfillments.server";
import { shipmentStatusSchema } from "~/tracking/status";
import type { ShopifyJson } from "~/webhooks/payload";
import type { NotificationChannels } from "../channels.server";
import { smtpSender } from "../email/transport.server";
import { recordOrderConfirmed, recordShipmentMilestone } from "../outbox.server";
import { createSendJob } from "../send-job.server";
import { freshShop, outbox } from "./fixtures";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";

/**
 * The wiring the sync code is to get, simulated around the real webhook handlers: within the handler's transaction,
 * the status of every shipment of the order before and after, and recordShipmentMilestone for each change
 * (recordOrderConfirmed for orders/create). Jobs are drained as a running worker would, 30 minutes after each delivery.
 */
const db = useTestDatabase();
let sink: SmtpSink;
let channels: NotificationChannels;
const sendJob = createSendJob(() => channels);

const HANDLERS: Record<Delivery["topic"], ((client: DbClient, shop: string, payload: ShopifyJson) => Promise<void>) | null> = {
  "orders/updated": applyOrderWebhook,
  "fulfillments/update": applyFulfillmentWebhook,
  "fulfillment_events/create": applyFulfillmentEventWebhook,
  "refunds/create": null,
};

async function statuses(tx: DbClient, shop: string) {
  const shipments = await tx.shipment.findMany({ where: { shop, orderId: ORDER_GID }, select: { id: true, status: true, statusAt: true } });
  return new Map(shipments.map((shipment) => [shipment.id, shipment]));
}

/** Applies one delivery the way the wired sync will: state change and outbox rows in one transaction. */
async function applyWired(shop: string, delivery: Delivery, options: { confirm: boolean }) {
  const handler = HANDLERS[delivery.topic];
  if (!handler) return;
  await db.get().prisma.$transaction(async (tx) => {
    const before = await statuses(tx, shop);
    await handler(tx, shop, delivery.payload);
    for (const [shipmentId, after] of await statuses(tx, shop)) {
      const from = before.get(shipmentId)?.status ?? null;
      if (from === after.status && before.has(shipmentId)) continue;
      await recordShipmentMilestone(
        tx,
        shop,
        { shipmentId, orderId: ORDER_GID, from: from === null ? null : shipmentStatusSchema.parse(from), to: shipmentStatusSchema.parse(after.status), at: after.statusAt },
        { now: after.statusAt },
      );
    }
    if (options.confirm) {
      const order = await tx.order.findUniqueOrThrow({ where: { shop_id: { shop, id: ORDER_GID } } });
      await recordOrderConfirmed(tx, shop, order, { now: order.processedAt });
    }
  });
}

function deliveryTime(delivery: Delivery): Date {
  const payload = delivery.payload as Record<string, ShopifyJson>;
  return new Date(String(payload.happened_at ?? payload.updated_at ?? payload.created_at));
}

async function replay(shop: string, deliveries: Delivery[]) {
  for (const [index, delivery] of deliveries.entries()) {
    await applyWired(shop, delivery, { confirm: index === 0 });
    await drainJobs(db.get(), [sendJob], { now: new Date(deliveryTime(delivery).getTime() + 30 * 60_000) });
  }
}

beforeAll(async () => {
  sink = await startSmtpSink();
  channels = { email: { sender: smtpSender(sink.url), fromAddress: "updates@aftercare.test" }, sms: null };
});
afterAll(async () => {
  channels.email?.sender.close();
  await sink.close();
});
beforeEach(async () => {
  sink.received.length = 0;
  await db.get().prisma.job.deleteMany({});
});

const EXPECTED_SUBJECTS = [
  "Order #1042 confirmed",
  "Order #1042 is on its way",
  "Order #1042 is on its way",
  "Order #1042 is delayed",
  "Order #1042 is out for delivery",
  "Order #1042 was delivered",
];

describe("notifications wired into order and shipment sync", () => {
  it("GIVEN a split order's webhooks WHEN applied in order THEN the shopper gets one email per meaningful milestone, parcels moving together coalesced", async () => {
    const shop = freshShop();
    await db.get().prisma.shop.create({ data: { shop, name: "Tea & Co", ianaTimezone: "Europe/Berlin" } });
    await replay(shop, splitShipmentDeliveries());

    expect(sink.received.map((mail) => mail.subject)).toEqual(EXPECTED_SUBJECTS);
    const [, firstShipped, secondShipped, , outForDelivery, delivered] = sink.received;
    expect(firstShipped!.text).toMatch(/2 parcels have left[\s\S]*JD0001[\s\S]*JD0002/);
    expect(secondShipped!.text).toContain("JD0003");
    expect(secondShipped!.text).not.toContain("JD0001");
    expect(outForDelivery!.text).toMatch(/2 parcels are with the driver[\s\S]*JD0001[\s\S]*JD0002/);
    expect(delivered!.text).toMatch(/2 parcels have been delivered[\s\S]*JD0001[\s\S]*JD0002/);
  });

  it("GIVEN the whole webhook stream replayed 10 times WHEN applied THEN no email is sent twice", async () => {
    const shop = freshShop();
    await db.get().prisma.shop.create({ data: { shop, name: "Tea & Co", ianaTimezone: "Europe/Berlin" } });
    const deliveries = splitShipmentDeliveries();
    for (let round = 0; round < 10; round++) await replay(shop, deliveries);

    expect(sink.received.map((mail) => mail.subject)).toEqual(EXPECTED_SUBJECTS);
    const sent = (await outbox(db.get().prisma, shop)).filter((message) => message.status === "sent");
    expect(sent).toHaveLength(EXPECTED_SUBJECTS.length);
  });
});
