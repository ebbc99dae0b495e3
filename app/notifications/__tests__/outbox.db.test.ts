import { describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { recordOrderConfirmed, recordShipmentMilestone } from "../outbox.server";
import { saveNotificationPreferences } from "../preferences.server";
import { DEFAULT_NOTIFICATION_PREFERENCES } from "../preferences";
import { freshShop, outbox, seedOrder, sendJobs } from "./fixtures";

const db = useTestDatabase();
const MINUTE = 60_000;

describe("recordShipmentMilestone", () => {
  it("GIVEN a labelled parcel WHEN the carrier first moves it THEN one 'shipped' email is queued for after the coalescing hold", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId, fulfillmentId, shipmentIds } = await seedOrder(prisma, freshShop());
    const at = new Date();

    const outcome = await recordShipmentMilestone(prisma, shop, { shipmentId: shipmentIds[0]!, orderId, from: "label_created", to: "in_transit", at }, { now: at });

    expect(outcome).toMatchObject({ recorded: true, trigger: "shipped" });
    const [message] = await outbox(prisma, shop);
    expect(message).toMatchObject({ dedupeKey: `fulfillment:${fulfillmentId}:shipped:email`, trigger: "shipped", channel: "email", status: "pending", orderId });
    expect(message!.sendAt.getTime()).toBe(at.getTime() + 15 * MINUTE);
    const jobs = await sendJobs(prisma, shop);
    expect(jobs).toHaveLength(1);
    expect(JSON.parse(jobs[0]!.payload)).toEqual({ messageId: message!.id });
    expect(jobs[0]!.runAt.getTime()).toBe(message!.sendAt.getTime());
  });

  it("GIVEN the same transition replayed 10 times WHEN recorded THEN exactly one message and one job exist", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop());
    const at = new Date();
    const change = { shipmentId: shipmentIds[0]!, orderId, from: "in_transit", to: "out_for_delivery", at } as const;

    const outcomes = [];
    for (let replay = 0; replay < 10; replay++) outcomes.push(await prisma.$transaction((tx) => recordShipmentMilestone(tx, shop, change)));

    expect(await outbox(prisma, shop)).toHaveLength(1);
    expect(await sendJobs(prisma, shop)).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.recorded && outcome.messageIds.length)).toHaveLength(1);
  });

  it("GIVEN two parcels of one fulfillment WHEN both start moving THEN 'shipped' is one message for the fulfillment", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop(), { parcels: 2 });
    for (const shipmentId of shipmentIds) {
      await recordShipmentMilestone(prisma, shop, { shipmentId, orderId, from: null, to: "label_created", at: new Date() });
      await recordShipmentMilestone(prisma, shop, { shipmentId, orderId, from: "label_created", to: "picked_up", at: new Date() });
    }
    expect((await outbox(prisma, shop)).map((message) => message.trigger)).toEqual(["shipped"]);
  });

  it("GIVEN two parcels WHEN both are delivered THEN each parcel has its own delivered message (merged at send time)", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop(), { parcels: 2 });
    for (const shipmentId of shipmentIds) {
      await recordShipmentMilestone(prisma, shop, { shipmentId, orderId, from: "out_for_delivery", to: "delivered", at: new Date() });
    }
    const messages = await outbox(prisma, shop);
    expect(messages.map((message) => message.dedupeKey).sort()).toEqual(shipmentIds.map((id) => `shipment:${id}:delivered:email`).sort());
  });

  it("GIVEN a transition the caller's transaction rolls back WHEN recorded THEN neither message nor job survives", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop());
    await expect(
      prisma.$transaction(async (tx) => {
        await recordShipmentMilestone(tx, shop, { shipmentId: shipmentIds[0]!, orderId, from: "in_transit", to: "delivered", at: new Date() });
        throw new Error("the status change failed");
      }),
    ).rejects.toThrow("the status change failed");
    expect(await outbox(prisma, shop)).toEqual([]);
    expect(await sendJobs(prisma, shop)).toEqual([]);
  });

  it.each([
    { case: "another in-transit scan", from: "in_transit", to: "in_transit", reason: "not_a_milestone" },
    { case: "recovery from a delay", from: "delayed", to: "in_transit", reason: "not_a_milestone" },
    { case: "an event from four days ago", from: "in_transit", to: "delivered", reason: "stale", ageMs: 96 * 3600_000 },
  ] as const)("GIVEN $case WHEN recorded THEN nothing is queued ($reason)", async ({ from, to, reason, ...rest }) => {
    const prisma = db.get().prisma;
    const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop());
    const ageMs = "ageMs" in rest ? (rest.ageMs ?? 0) : 0;
    const outcome = await recordShipmentMilestone(prisma, shop, { shipmentId: shipmentIds[0]!, orderId, from, to, at: new Date(Date.now() - ageMs) });
    expect(outcome).toEqual({ recorded: false, reason });
    expect(await outbox(prisma, shop)).toEqual([]);
  });

  it("GIVEN a shipment id of another shop WHEN recorded for this shop THEN nothing is queued", async () => {
    const prisma = db.get().prisma;
    const theirs = await seedOrder(prisma, freshShop());
    const ours = await seedOrder(prisma, freshShop());
    const outcome = await recordShipmentMilestone(prisma, ours.shop, { shipmentId: theirs.shipmentIds[0]!, orderId: theirs.orderId, from: "in_transit", to: "delivered", at: new Date() });
    expect(outcome).toEqual({ recorded: false, reason: "unknown_shipment" });
  });

  it("GIVEN 'delivered' switched off by email and on by SMS for a shop with SMS enabled WHEN delivered THEN only an SMS is queued", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop(), { settings: { notifications: { smsEnabled: true } } });
    const preferences = structuredClone(DEFAULT_NOTIFICATION_PREFERENCES);
    preferences.triggers.delivered = { email: false, sms: true, delayMinutes: 0 };
    preferences.quietHours.enabled = false;
    await saveNotificationPreferences(prisma, shop, preferences);

    await recordShipmentMilestone(prisma, shop, { shipmentId: shipmentIds[0]!, orderId, from: "out_for_delivery", to: "delivered", at: new Date() });

    expect((await outbox(prisma, shop)).map((message) => message.channel)).toEqual(["sms"]);
  });

  it("GIVEN the shop switched email off in its settings WHEN a milestone happens THEN nothing is queued", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop(), { settings: { notifications: { emailEnabled: false } } });
    const outcome = await recordShipmentMilestone(prisma, shop, { shipmentId: shipmentIds[0]!, orderId, from: "in_transit", to: "exception", at: new Date() });
    expect(outcome).toEqual({ recorded: false, reason: "no_channel" });
  });

  it("GIVEN a trigger delay of 90 minutes WHEN the milestone happens THEN the message and its job are due 90 minutes later", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop());
    const preferences = structuredClone(DEFAULT_NOTIFICATION_PREFERENCES);
    preferences.triggers.exception.delayMinutes = 90;
    await saveNotificationPreferences(prisma, shop, preferences);
    const at = new Date();
    await recordShipmentMilestone(prisma, shop, { shipmentId: shipmentIds[0]!, orderId, from: "in_transit", to: "exception", at }, { now: at });
    const [message] = await outbox(prisma, shop);
    expect(message!.sendAt.getTime()).toBe(at.getTime() + 90 * MINUTE);
    expect((await sendJobs(prisma, shop))[0]!.runAt.getTime()).toBe(at.getTime() + 90 * MINUTE);
  });
});

describe("recordOrderConfirmed", () => {
  it("GIVEN a new order replayed 10 times WHEN confirmed THEN one confirmation is queued, due now", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId } = await seedOrder(prisma, freshShop());
    const now = new Date();
    for (let replay = 0; replay < 10; replay++) await recordOrderConfirmed(prisma, shop, { id: orderId, processedAt: now }, { now });
    const messages = await outbox(prisma, shop);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ dedupeKey: `order:${orderId}:confirmed:email`, trigger: "order_confirmed", shipmentId: null });
    expect(messages[0]!.sendAt.getTime()).toBe(now.getTime());
  });

  it.each([
    { case: "a week-old order (backfill)", processedAt: new Date(Date.now() - 7 * 24 * 3600_000), cancelledAt: null },
    { case: "a cancelled order", processedAt: new Date(), cancelledAt: new Date() },
  ])("GIVEN $case WHEN confirmed THEN nothing is queued", async ({ processedAt, cancelledAt }) => {
    const prisma = db.get().prisma;
    const { shop, orderId } = await seedOrder(prisma, freshShop());
    expect(await recordOrderConfirmed(prisma, shop, { id: orderId, processedAt, cancelledAt })).toEqual({ recorded: false, reason: "stale" });
    expect(await outbox(prisma, shop)).toEqual([]);
  });
});
