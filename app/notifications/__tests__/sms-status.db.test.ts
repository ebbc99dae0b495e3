import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { drainJobs } from "~/jobs/worker.server";
import { action as statusAction } from "~/routes/notifications.sms.status";
import { useTestDatabase } from "~/test/database";
import { getNotificationRates } from "../admin/rates.server";
import type { NotificationChannels } from "../channels.server";
import { recordShipmentMilestone } from "../outbox.server";
import { createSendJob } from "../send-job.server";
import { SMS_STATUS_CALLBACK_PATH } from "../sms/delivery-status";
import { twilioSender } from "../sms/twilio.server";
import { twilioSignature } from "../sms/twilio-signature";
import { freshShop, outbox, seedOrder, setShipmentStatus } from "./fixtures";
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, startTwilioFake, type TwilioFake } from "./twilio-fake";

process.env.TWILIO_ACCOUNT_SID = FAKE_ACCOUNT_SID;
process.env.TWILIO_AUTH_TOKEN = FAKE_AUTH_TOKEN;
process.env.TWILIO_FROM_NUMBER = "+15005550006";

const db = useTestDatabase();
let fake: TwilioFake;
let channels: NotificationChannels;
const sendJob = createSendJob(() => channels);
const HOUR = 3600_000;

beforeAll(async () => {
  fake = await startTwilioFake();
  channels = { email: null, sms: twilioSender({ accountSid: FAKE_ACCOUNT_SID, authToken: FAKE_AUTH_TOKEN, from: "+15005550006", apiUrl: fake.url }) };
});
afterAll(() => fake.close());
beforeEach(() => db.get().prisma.job.deleteMany({}));

/** A sent "out for delivery" text; returns the shop and the provider's sid. */
async function sentText() {
  const prisma = db.get().prisma;
  const fixture = await seedOrder(prisma, freshShop(), { phone: "+4915123456789", smsConsent: "subscribed", settings: { notifications: { smsEnabled: true } } });
  await setShipmentStatus(prisma, fixture.shop, fixture.shipmentIds[0]!, "out_for_delivery");
  await recordShipmentMilestone(prisma, fixture.shop, { shipmentId: fixture.shipmentIds[0]!, orderId: fixture.orderId, from: "in_transit", to: "out_for_delivery", at: new Date() });
  await drainJobs(db.get(), [sendJob], { now: new Date(Date.now() + 24 * HOUR) });
  const sms = (await outbox(prisma, fixture.shop)).find((message) => message.channel === "sms")!;
  expect(sms).toMatchObject({ status: "sent" });
  return { shop: fixture.shop, sid: sms.providerMessageId! };
}

function statusRequest(form: Record<string, string>, signature?: string) {
  const url = new URL(SMS_STATUS_CALLBACK_PATH, process.env.SHOPIFY_APP_URL).toString();
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature ?? twilioSignature(FAKE_AUTH_TOKEN, url, Object.entries(form)) },
    body: new URLSearchParams(form).toString(),
  });
}

const report = (form: Record<string, string>, signature?: string) => statusAction({ request: statusRequest(form, signature), params: {}, context: {} });
const smsOf = async (shop: string) => (await outbox(db.get().prisma, shop)).find((message) => message.channel === "sms")!;

describe("SMS status callback", () => {
  it("GIVEN a sent text WHEN it is sent THEN the provider is given our status callback URL", async () => {
    fake.requests.length = 0;
    await sentText();
    expect(fake.requests[0]?.form.StatusCallback).toBe(new URL(SMS_STATUS_CALLBACK_PATH, process.env.SHOPIFY_APP_URL).toString());
  });

  it("GIVEN a sent text WHEN the carrier reports delivered THEN the log shows it delivered and the SMS delivery rate counts it", async () => {
    const { shop, sid } = await sentText();
    const response = await report({ MessageSid: sid, MessageStatus: "delivered", AccountSid: FAKE_ACCOUNT_SID });
    expect(response.status).toBe(204);
    expect(await smsOf(shop)).toMatchObject({ status: "sent", deliveryStatus: "delivered", reason: null, deliveryStatusAt: expect.any(Date) });
    const rates = await getNotificationRates(db.get().prisma, shop, { from: new Date(Date.now() - HOUR), to: new Date(Date.now() + HOUR) });
    expect(rates.find((row) => row.trigger === "out_for_delivery")).toMatchObject({ smsDeliveryRate: 1 });
  });

  it.each([
    { status: "undelivered", code: "30003", reason: "carrier: undelivered (error 30003)" },
    { status: "failed", code: "30008", reason: "carrier: failed (error 30008)" },
  ])("GIVEN a sent text WHEN the carrier reports $status with ErrorCode $code THEN the log keeps the reason and the rate counts a miss", async ({ status, code, reason }) => {
    const { shop, sid } = await sentText();
    expect((await report({ MessageSid: sid, MessageStatus: status, ErrorCode: code })).status).toBe(204);
    expect(await smsOf(shop)).toMatchObject({ deliveryStatus: status, reason });
    const rates = await getNotificationRates(db.get().prisma, shop, { from: new Date(Date.now() - HOUR), to: new Date(Date.now() + HOUR) });
    expect(rates.find((row) => row.trigger === "out_for_delivery")).toMatchObject({ smsDeliveryRate: 0 });
  });

  it("GIVEN callbacks arriving out of order WHEN 'sent' comes after 'delivered' THEN delivered stays, and a later 'failed' does not overwrite it", async () => {
    const { shop, sid } = await sentText();
    await report({ MessageSid: sid, MessageStatus: "queued" });
    await report({ MessageSid: sid, MessageStatus: "delivered" });
    await report({ MessageSid: sid, MessageStatus: "sent" });
    await report({ MessageSid: sid, MessageStatus: "failed", ErrorCode: "30008" });
    expect(await smsOf(shop)).toMatchObject({ deliveryStatus: "delivered", reason: null });
  });

  it("GIVEN 'sent' then 'delivered' in order WHEN both arrive THEN the status moves forward", async () => {
    const { shop, sid } = await sentText();
    await report({ MessageSid: sid, MessageStatus: "sent" });
    expect(await smsOf(shop)).toMatchObject({ deliveryStatus: "sent" });
    await report({ MessageSid: sid, MessageStatus: "delivered" });
    expect(await smsOf(shop)).toMatchObject({ deliveryStatus: "delivered" });
  });

  it("GIVEN a forged signature WHEN a report arrives THEN it is refused with 403 and nothing changes", async () => {
    const { shop, sid } = await sentText();
    const response = await report({ MessageSid: sid, MessageStatus: "failed", ErrorCode: "30008" }, "forged=");
    expect(response.status).toBe(403);
    expect(await smsOf(shop)).toMatchObject({ deliveryStatus: null, reason: null });
  });

  it("GIVEN a sid we never sent WHEN a report arrives THEN it answers 204 and writes nothing", async () => {
    const { shop } = await sentText();
    const before = await outbox(db.get().prisma, shop);
    const response = await report({ MessageSid: `SM${"f".repeat(32)}`, MessageStatus: "delivered" });
    expect(response.status).toBe(204);
    expect(await outbox(db.get().prisma, shop)).toEqual(before);
  });

  it.each<{ case: string; form: Record<string, string> }>([
    { case: "no MessageSid", form: { MessageStatus: "delivered" } },
    { case: "no MessageStatus", form: { MessageSid: "SM1" } },
  ])("GIVEN a signed report with $case WHEN it arrives THEN it answers 400", async ({ form }) => {
    expect((await report(form)).status).toBe(400);
  });

  it("GIVEN a status we do not track (read) WHEN it arrives THEN it answers 204 and the stored status is kept", async () => {
    const { shop, sid } = await sentText();
    await report({ MessageSid: sid, MessageStatus: "delivered" });
    expect((await report({ MessageSid: sid, MessageStatus: "read" })).status).toBe(204);
    expect(await smsOf(shop)).toMatchObject({ deliveryStatus: "delivered" });
  });
});
