import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { drainJobs } from "~/jobs/worker.server";
import { action as inboundAction } from "~/routes/notifications.sms.inbound";
import { useTestDatabase } from "~/test/database";
import type { NotificationChannels } from "../channels.server";
import { recordShipmentMilestone } from "../outbox.server";
import { createSendJob } from "../send-job.server";
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
const PHONE = "+4915123456789";
const SMS_ON = { notifications: { smsEnabled: true } };

beforeAll(async () => {
  fake = await startTwilioFake();
  channels = { email: null, sms: twilioSender({ accountSid: FAKE_ACCOUNT_SID, authToken: FAKE_AUTH_TOKEN, from: "+15005550006", apiUrl: fake.url }) };
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.mode = "accept";
  fake.requests.length = 0;
  await db.get().prisma.job.deleteMany({});
});

// Quiet hours can push an SMS to the next morning: drain a day ahead.
function drain(hoursAhead = 24) {
  return drainJobs(db.get(), [sendJob], { now: new Date(Date.now() + hoursAhead * HOUR) });
}

async function outForDelivery(options: Parameters<typeof seedOrder>[2] = {}) {
  const prisma = db.get().prisma;
  const fixture = await seedOrder(prisma, freshShop(), { phone: PHONE, smsConsent: "subscribed", settings: SMS_ON, ...options });
  await setShipmentStatus(prisma, fixture.shop, fixture.shipmentIds[0]!, "out_for_delivery");
  await recordShipmentMilestone(prisma, fixture.shop, { shipmentId: fixture.shipmentIds[0]!, orderId: fixture.orderId, from: "in_transit", to: "out_for_delivery", at: new Date() });
  return fixture;
}

const smsOf = async (shop: string) => (await outbox(db.get().prisma, shop)).find((message) => message.channel === "sms")!;

function inboundRequest(form: Record<string, string>, signature?: string) {
  const url = new URL("/notifications/sms/inbound", process.env.SHOPIFY_APP_URL).toString();
  const params = Object.entries(form);
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature ?? twilioSignature(FAKE_AUTH_TOKEN, url, params) },
    body: new URLSearchParams(form).toString(),
  });
}

describe("SMS through a Twilio-compatible API", () => {
  it("GIVEN a consenting shopper WHEN 'out for delivery' is sent THEN the provider gets one authorised form POST in Twilio's format", async () => {
    const { shop } = await outForDelivery();
    await drain();
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request).toMatchObject({ authorised: true, path: `/2010-04-01/Accounts/${FAKE_ACCOUNT_SID}/Messages.json` });
    expect(request!.form).toMatchObject({ To: PHONE, From: "+15005550006" });
    expect(request!.form.Body).toMatch(/^Tea & Co: order #1042 is out for delivery today\. Track it: https:\/\/.+\/apps\/track\/o\/\S+ Reply STOP to opt out\.$/);
    expect(await smsOf(shop)).toMatchObject({ status: "sent", providerMessageId: expect.stringMatching(/^SM/), locale: "en" });
  });

  it("GIVEN a phone written without its country code WHEN sent THEN it goes out in E.164 for the shipping country", async () => {
    await outForDelivery({ phone: "0151 23456789", shippingCountry: "DE" });
    await drain();
    expect(fake.requests[0]?.form.To).toBe(PHONE);
  });

  it("GIVEN the provider answers 400 (21211 invalid number) WHEN sent THEN the message fails at once with Twilio's reason and is not retried", async () => {
    const { shop } = await outForDelivery();
    fake.mode = "invalid_number";
    expect(await drain()).toMatchObject({ retry: 0 });
    expect(await smsOf(shop)).toMatchObject({ status: "failed", attempts: 1, reason: expect.stringContaining("21211") });
    await drain(48);
    expect(fake.requests).toHaveLength(1);
  });

  it.each(["server_error", "rate_limited"] as const)("GIVEN the provider answers %s WHEN sent THEN the message is retried and sent once the provider recovers", async (mode) => {
    const { shop } = await outForDelivery();
    fake.mode = mode;
    expect(await drain()).toMatchObject({ retry: 1 });
    expect(await smsOf(shop)).toMatchObject({ status: "pending", attempts: 1 });
    fake.mode = "accept";
    await drain(30);
    expect(await smsOf(shop)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it.each([
    { case: "only an account phone without SMS consent", options: { orderPhone: null, smsConsent: "not_subscribed" }, reason: "no_consent" },
    { case: "only an account phone and no consent record", options: { orderPhone: null, smsConsent: null }, reason: "no_consent" },
    { case: "an order phone but SMS consent unsubscribed", options: { smsConsent: "unsubscribed" }, reason: "no_consent" },
    { case: "an invalid phone", options: { phone: "+49 12" }, reason: "invalid_recipient" },
    { case: "no phone", options: { phone: null }, reason: "no_recipient" },
  ])("GIVEN $case WHEN the job runs THEN the SMS is suppressed ($reason) and the provider is never called", async ({ options, reason }) => {
    const { shop } = await outForDelivery(options);
    await drain();
    expect(await smsOf(shop)).toMatchObject({ status: "suppressed", reason });
    expect(fake.requests).toEqual([]);
  });

  it.each([
    { case: "a guest who gave the phone at checkout for the order's updates", options: { smsConsent: null } },
    { case: "an order phone and SMS marketing not subscribed", options: { smsConsent: "not_subscribed" } },
    { case: "only an account phone with SMS marketing consent", options: { orderPhone: null, smsConsent: "subscribed" } },
  ])("GIVEN $case WHEN the job runs THEN the transactional text is sent", async ({ options }) => {
    const { shop } = await outForDelivery(options);
    await drain();
    expect(await smsOf(shop)).toMatchObject({ status: "sent" });
    expect(fake.requests[0]?.form.To).toBe(PHONE);
  });

  it("GIVEN a shopper who texted STOP WHEN the next milestone is due THEN the SMS is suppressed, and START lifts it", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId, shipmentIds } = await outForDelivery();
    await drain();

    const stop = await inboundAction({ request: inboundRequest({ From: PHONE, To: "+15005550006", Body: " stop ", MessageSid: "SM1" }), params: {}, context: {} });
    expect(stop.status).toBe(200);
    expect(await stop.text()).toContain("unsubscribed");
    await setShipmentStatus(prisma, shop, shipmentIds[0]!, "delivered");
    await recordShipmentMilestone(prisma, shop, { shipmentId: shipmentIds[0]!, orderId, from: "out_for_delivery", to: "delivered", at: new Date() });
    await drain();
    expect((await outbox(prisma, shop)).filter((message) => message.channel === "sms").map((message) => [message.trigger, message.status, message.reason])).toEqual([
      ["out_for_delivery", "sent", null],
      ["delivered", "suppressed", "unsubscribed"],
    ]);

    await inboundAction({ request: inboundRequest({ From: PHONE, Body: "START" }), params: {}, context: {} });
    expect(await prisma.notificationSuppression.count({ where: { shop } })).toBe(0);
  });

  it("GIVEN an inbound STOP with a forged signature WHEN received THEN it is refused and nothing changes", async () => {
    const prisma = db.get().prisma;
    const { shop } = await outForDelivery();
    await drain();
    const response = await inboundAction({ request: inboundRequest({ From: PHONE, Body: "STOP" }, "forged="), params: {}, context: {} });
    expect(response.status).toBe(401);
    expect(await prisma.notificationSuppression.count({ where: { shop } })).toBe(0);
  });

  it("GIVEN HELP WHEN received THEN the reply explains the messages and how to stop, and no opt-out is recorded", async () => {
    const response = await inboundAction({ request: inboundRequest({ From: PHONE, Body: "help" }), params: {}, context: {} });
    const body = await response.text();
    expect(response.headers.get("content-type")).toContain("text/xml");
    expect(body).toMatch(/<Response><Message>Delivery updates.*Reply STOP to opt out.*<\/Message><\/Response>/);
  });
});
