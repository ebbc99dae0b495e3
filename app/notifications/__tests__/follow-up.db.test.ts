import { beforeEach, describe, expect, it } from "vitest";
import { drainJobs } from "~/jobs/worker.server";
import { useTestDatabase } from "~/test/database";
import { recordShipmentMilestone } from "../outbox.server";
import { saveNotificationPreferences } from "../preferences.server";
import { notifyReturnUpdate } from "../return-updates.server";
import { createSendJob } from "../send-job.server";
import { recordingChannels } from "./fake-channels";
import { freshShop, outbox, seedOrder, setShipmentStatus, type OrderFixtureOptions } from "./fixtures";

const db = useTestDatabase();
const DAY = 24 * 3600_000;
let sent = recordingChannels();
const sendJob = createSendJob(() => sent.channels);

beforeEach(async () => {
  sent = recordingChannels();
  await db.get().prisma.job.deleteMany({});
});

const drain = (daysAhead: number) => drainJobs(db.get(), [sendJob], { now: new Date(Date.now() + daysAhead * DAY) });

/** An order whose shop switched the follow-up on (email, and SMS when asked), N days after delivery. */
async function orderWithFollowUp(options: OrderFixtureOptions & { days?: number; sms?: boolean } = {}) {
  const prisma = db.get().prisma;
  const fixture = await seedOrder(prisma, freshShop(), { phone: "+4915123456789", settings: { notifications: { smsEnabled: true } }, ...options });
  await saveNotificationPreferences(prisma, fixture.shop, {
    followUpDays: options.days ?? 3,
    triggers: { delivered_follow_up: { email: true, sms: options.sms ?? false }, delivered: { email: false, sms: false } },
  });
  return fixture;
}

async function deliver(fixture: { shop: string; orderId: string }, shipmentId: string, at = new Date()) {
  const prisma = db.get().prisma;
  await setShipmentStatus(prisma, fixture.shop, shipmentId, "delivered", at);
  return recordShipmentMilestone(prisma, fixture.shop, { shipmentId, orderId: fixture.orderId, from: "out_for_delivery", to: "delivered", at }, { now: at });
}

const followUps = async (shop: string) => (await outbox(db.get().prisma, shop)).filter((message) => message.trigger === "delivered_follow_up");

describe("follow-up N days after delivery", () => {
  it("GIVEN a split order WHEN the first parcel is delivered THEN nothing is scheduled; WHEN the last one is THEN one follow-up is due N days later", async () => {
    const fixture = await orderWithFollowUp({ parcels: 2, days: 3 });
    await deliver(fixture, fixture.shipmentIds[0]!);
    expect(await followUps(fixture.shop)).toEqual([]);

    const lastAt = new Date();
    await deliver(fixture, fixture.shipmentIds[1]!, lastAt);

    const [followUp, ...others] = await followUps(fixture.shop);
    expect(others).toEqual([]);
    expect(followUp).toMatchObject({ channel: "email", status: "pending", dedupeKey: `order:${fixture.orderId}:delivered_follow_up:email` });
    expect(followUp!.sendAt.getTime()).toBe(lastAt.getTime() + 3 * DAY);
  });

  it("GIVEN the delivery replayed WHEN recorded again THEN there is still one follow-up per channel", async () => {
    const fixture = await orderWithFollowUp();
    for (let replay = 0; replay < 5; replay++) await deliver(fixture, fixture.shipmentIds[0]!);
    expect(await followUps(fixture.shop)).toHaveLength(1);
  });

  it("GIVEN SMS on and N=5 WHEN the follow-up would fall at 22:30 in Berlin THEN the text waits for the end of quiet hours, the email does not", async () => {
    const fixture = await orderWithFollowUp({ days: 5, sms: true, smsConsent: "subscribed" });
    const deliveredAt = new Date("2026-11-20T21:30:00Z");
    await deliver(fixture, fixture.shipmentIds[0]!, deliveredAt);

    const byChannel = Object.fromEntries((await followUps(fixture.shop)).map((message) => [message.channel, message.sendAt.toISOString()]));
    expect(byChannel).toEqual({ email: "2026-11-25T21:30:00.000Z", sms: "2026-11-26T07:00:00.000Z" });
  });

  it("GIVEN the default settings WHEN every parcel is delivered THEN no follow-up is recorded (the merchant switches it on)", async () => {
    const prisma = db.get().prisma;
    const fixture = await seedOrder(prisma, freshShop());
    await deliver(fixture, fixture.shipmentIds[0]!);
    expect(await followUps(fixture.shop)).toEqual([]);
  });

  it.each([
    ["en", "How is your order #1042?"],
    ["de", "Wie gefällt dir deine Bestellung #1042?"],
    ["fr", "Votre commande #1042 vous plaît-elle ?"],
    ["es", "¿Qué tal tu pedido #1042?"],
  ])("GIVEN a %s order WHEN the follow-up is due THEN it is sent once in the shopper's language", async (locale, subject) => {
    const fixture = await orderWithFollowUp({ locale });
    await deliver(fixture, fixture.shipmentIds[0]!);

    await drain(1);
    expect(sent.emails).toEqual([]);
    await drain(4);
    await drain(5);

    expect(sent.emails.map((email) => email.subject)).toEqual([subject]);
    expect((await followUps(fixture.shop))[0]).toMatchObject({ status: "sent" });
  });

  it("GIVEN a scheduled follow-up WHEN a return starts THEN the follow-up is cancelled and never sent", async () => {
    const prisma = db.get().prisma;
    const fixture = await orderWithFollowUp();
    await deliver(fixture, fixture.shipmentIds[0]!);

    await prisma.$transaction((tx) => notifyReturnUpdate(tx, { shop: fixture.shop, orderId: fixture.orderId, returnId: "gid://shopify/Return/1", milestone: "requested" }));
    await drain(4);

    expect(await followUps(fixture.shop)).toMatchObject([{ status: "suppressed", reason: "return_started" }]);
    expect(sent.emails.map((email) => email.subject)).toEqual(["We've received your return request for order #1042"]);
  });

  it("GIVEN a scheduled follow-up WHEN the order is cancelled before it is due THEN it is suppressed at send time", async () => {
    const prisma = db.get().prisma;
    const fixture = await orderWithFollowUp();
    await deliver(fixture, fixture.shipmentIds[0]!);
    await prisma.order.updateMany({ where: { shop: fixture.shop, id: fixture.orderId }, data: { cancelledAt: new Date() } });

    await drain(4);

    expect(await followUps(fixture.shop)).toMatchObject([{ status: "suppressed", reason: "order_cancelled" }]);
    expect(sent.emails).toEqual([]);
  });

  it("GIVEN a cancelled parcel and a delivered one WHEN the delivered one arrives THEN the order counts as all delivered", async () => {
    const prisma = db.get().prisma;
    const fixture = await orderWithFollowUp({ parcels: 2 });
    await setShipmentStatus(prisma, fixture.shop, fixture.shipmentIds[0]!, "cancelled");
    await deliver(fixture, fixture.shipmentIds[1]!);
    expect(await followUps(fixture.shop)).toHaveLength(1);
  });
});
