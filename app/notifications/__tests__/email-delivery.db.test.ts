import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { drainJobs } from "~/jobs/worker.server";
import { useTestDatabase } from "~/test/database";
import { verifyOrderLink } from "~/tracking-page/signed-links.server";
import type { NotificationChannels } from "../channels.server";
import { smtpSender } from "../email/transport.server";
import { verifyClickToken, verifyOpenToken, verifyUnsubscribeToken } from "../links.server";
import { recordShipmentMilestone } from "../outbox.server";
import { createSendJob } from "../send-job.server";
import { unsubscribeWithToken } from "../unsubscribe.server";
import { freshShop, outbox, seedOrder, setShipmentStatus } from "./fixtures";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";

const db = useTestDatabase();
let sink: SmtpSink;
let channels: NotificationChannels;
const sendJob = createSendJob(() => channels);
const HOUR = 3600_000;

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  channels?.email?.sender.close();
  await sink.close();
});
beforeEach(async () => {
  channels?.email?.sender.close();
  channels = { email: { sender: smtpSender(sink.url, { timeoutMs: 5_000 }), fromAddress: "updates@aftercare.test" }, sms: null };
  sink.received.length = 0;
  sink.mode = "accept";
  // Drains claim every shop's due jobs; each test starts from an empty queue.
  await db.get().prisma.job.deleteMany({});
});

/** Runs every send job due by `hoursAhead` from now. */
function drain(hoursAhead = 1) {
  return drainJobs(db.get(), [sendJob], { now: new Date(Date.now() + hoursAhead * HOUR) });
}

function tokenOf(url: string, kind: string): string {
  const match = new RegExp(`/notifications/${kind}/([^/"?\\s<>]+)`).exec(url);
  if (!match) throw new Error(`no ${kind} link in ${url.slice(0, 200)}`);
  return match[1]!;
}

describe("email delivery through SMTP", () => {
  it("GIVEN a German shopper's parcel out for delivery WHEN the send job runs THEN one German email arrives with a tracking link to their order and one-click unsubscribe", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop(), { locale: "de-DE", email: "Zoe@Example.com" });
    await setShipmentStatus(prisma, shop, shipmentIds[0]!, "out_for_delivery");
    await recordShipmentMilestone(prisma, shop, { shipmentId: shipmentIds[0]!, orderId, from: "in_transit", to: "out_for_delivery", at: new Date() });

    expect(await drain()).toMatchObject({ succeeded: 1, retry: 0, dead: 0 });

    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]!;
    expect(mail.subject).toBe("Bestellung #1042 wird heute zugestellt");
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toBe("zoe@example.com");
    expect(mail.from?.value[0]).toMatchObject({ address: "updates@aftercare.test", name: "Tea & Co" });
    expect(mail.html).toContain('lang="de"');
    expect(mail.html).toContain("Hallo Zoë,");
    expect(mail.html).toContain("Sencha &lt;green&gt; tea");
    expect(mail.html).not.toContain("<green>");
    expect(mail.text).toContain("Bestellung verfolgen:");
    // Long headers are folded on the wire; unfold them to read the value.
    const header = (name: string) => (mail.headerLines.find((line) => line.key === name)?.line ?? "").replace(/\r\n\s+/g, " ");
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(header("list-unsubscribe")).toMatch(/^List-Unsubscribe: <https?:\/\/[^>]+\/notifications\/unsubscribe\/[^>]+>$/);
    expect(await verifyUnsubscribeToken(tokenOf(header("list-unsubscribe"), "unsubscribe"))).toMatchObject({ shop, channel: "email" });

    const click = await verifyClickToken(tokenOf(mail.text ?? "", "click"));
    expect(click).toMatchObject({ shop });
    const trackingUrl = new URL(click!.url);
    expect(trackingUrl.host).toBe(shop);
    expect(trackingUrl.pathname).toMatch(/^\/apps\/track\/o\//);
    expect(await verifyOrderLink(trackingUrl.pathname.split("/").at(-1)!, shop)).toEqual({ orderId });
    expect(await verifyOpenToken(tokenOf(String(mail.html), "open"))).toMatchObject({ shop });

    const [message] = await outbox(prisma, shop);
    expect(message).toMatchObject({ status: "sent", locale: "de", subject: "Bestellung #1042 wird heute zugestellt", attempts: 1 });
    expect(mail.messageId).toBe(message!.providerMessageId);
  });

  it("GIVEN the same milestone replayed 10 times and the jobs drained 10 times WHEN SMTP is up THEN exactly one email arrives", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop());
    await setShipmentStatus(prisma, shop, shipmentIds[0]!, "delivered");
    for (let replay = 0; replay < 10; replay++) {
      await prisma.$transaction((tx) => recordShipmentMilestone(tx, shop, { shipmentId: shipmentIds[0]!, orderId, from: "out_for_delivery", to: "delivered", at: new Date() }));
      await drain();
    }
    expect(sink.received.map((mail) => mail.subject)).toEqual(["Order #1042 was delivered"]);
  });

  it("GIVEN the merchant changes sender name, reply-to and brand colour between two messages WHEN each is sent THEN each email carries the settings of its send time", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop());
    await prisma.shop.updateMany({ where: { shop }, data: { email: "owner@tea.example", settings: JSON.stringify({ branding: { primaryColor: "#aa0000" } }) } });
    const sendMilestone = async (from: "in_transit" | "out_for_delivery", to: "out_for_delivery" | "delivered") => {
      await setShipmentStatus(prisma, shop, shipmentIds[0]!, to);
      await recordShipmentMilestone(prisma, shop, { shipmentId: shipmentIds[0]!, orderId, from, to, at: new Date() });
      await drain();
    };

    await sendMilestone("in_transit", "out_for_delivery");
    await prisma.shop.updateMany({
      where: { shop },
      data: { settings: JSON.stringify({ branding: { primaryColor: "#00bb00" }, notifications: { senderName: "Tea Team", replyToEmail: "help@tea.example" } }) },
    });
    await sendMilestone("out_for_delivery", "delivered");

    const [first, second] = sink.received;
    expect(first!.from?.value[0]?.name).toBe("Tea & Co");
    expect(first!.replyTo?.text).toBe("owner@tea.example");
    expect(first!.html).toMatch(/#aa0000/i);
    expect(second!.from?.value[0]?.name).toBe("Tea Team");
    expect(second!.replyTo?.text).toBe("help@tea.example");
    expect(second!.html).toMatch(/#00bb00/i);
    expect(second!.html).not.toMatch(/#aa0000/i);
  });

  it("GIVEN two parcels delivered within the coalescing window WHEN sent THEN one email names both parcels and the other message is folded into it", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop(), { parcels: 2 });
    for (const shipmentId of shipmentIds) {
      await setShipmentStatus(prisma, shop, shipmentId, "delivered");
      await recordShipmentMilestone(prisma, shop, { shipmentId, orderId, from: "out_for_delivery", to: "delivered", at: new Date() });
    }
    await drain();
    expect(sink.received).toHaveLength(1);
    const shipments = await prisma.shipment.findMany({ where: { shop } });
    for (const shipment of shipments) expect(sink.received[0]!.text).toContain(shipment.trackingNumber);
    expect(sink.received[0]!.text).toContain("2 parcels have been delivered");
    const statuses = (await outbox(prisma, shop)).map((message) => `${message.status}:${message.reason ?? ""}`).sort();
    expect(statuses).toEqual(["sent:", "suppressed:coalesced"]);
  });

  it("GIVEN an SMTP outage (451) WHEN the job runs THEN the message waits for a retry AND is sent once SMTP recovers", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop());
    await setShipmentStatus(prisma, shop, shipmentIds[0]!, "exception");
    await recordShipmentMilestone(prisma, shop, { shipmentId: shipmentIds[0]!, orderId, from: "in_transit", to: "exception", at: new Date() });
    sink.mode = "tempfail";

    expect(await drain()).toMatchObject({ retry: 1, succeeded: 0 });
    expect((await outbox(prisma, shop))[0]).toMatchObject({ status: "pending", attempts: 1, reason: expect.stringContaining("451") });

    sink.mode = "accept";
    expect(await drain(3)).toMatchObject({ succeeded: 1 });
    expect((await outbox(prisma, shop))[0]).toMatchObject({ status: "sent", attempts: 2, reason: null });
    expect(sink.received).toHaveLength(1);
  });

  it("GIVEN a parcel's message whose order is not (yet) stored WHEN the job runs THEN it waits for the order instead of being suppressed", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop());
    await setShipmentStatus(prisma, shop, shipmentIds[0]!, "exception");
    await recordShipmentMilestone(prisma, shop, { shipmentId: shipmentIds[0]!, orderId, from: "in_transit", to: "exception", at: new Date() });
    await prisma.order.updateMany({ where: { shop, id: orderId }, data: { shop: `${shop}.elsewhere` } });

    expect(await drain()).toMatchObject({ retry: 1, succeeded: 0 });
    expect((await outbox(prisma, shop))[0]).toMatchObject({ status: "pending", attempts: 1, reason: "waiting for the order to arrive" });
    expect(sink.received).toEqual([]);

    await prisma.order.updateMany({ where: { shop: `${shop}.elsewhere`, id: orderId }, data: { shop } });
    expect(await drain(3)).toMatchObject({ succeeded: 1 });
    expect((await outbox(prisma, shop))[0]).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("GIVEN SMTP down for longer than every retry WHEN the attempts run out THEN the message is failed with the SMTP reason, not lost", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop());
    await setShipmentStatus(prisma, shop, shipmentIds[0]!, "delayed");
    await recordShipmentMilestone(prisma, shop, { shipmentId: shipmentIds[0]!, orderId, from: "in_transit", to: "delayed", at: new Date() });
    sink.mode = "tempfail";

    for (let hours = 1; hours <= 8 * 2; hours += 2) await drain(hours);

    const [message] = await outbox(prisma, shop);
    expect(message).toMatchObject({ status: "failed", attempts: 8, reason: expect.stringContaining("451") });
    expect(sink.received).toEqual([]);
  });

  it("GIVEN the SMTP server rejects the recipient (550) WHEN sent THEN the message fails at once with the reason and is not retried", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop());
    await setShipmentStatus(prisma, shop, shipmentIds[0]!, "delivered");
    await recordShipmentMilestone(prisma, shop, { shipmentId: shipmentIds[0]!, orderId, from: "out_for_delivery", to: "delivered", at: new Date() });
    sink.mode = "reject";

    expect(await drain()).toMatchObject({ succeeded: 1, retry: 0 });
    expect((await outbox(prisma, shop))[0]).toMatchObject({ status: "failed", attempts: 1, reason: expect.stringContaining("550") });
    expect(await drain(24)).toMatchObject({ succeeded: 0, retry: 0 });
  });

  it("GIVEN a shopper who used the unsubscribe link WHEN a later milestone is due THEN it is suppressed as unsubscribed", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop());
    await setShipmentStatus(prisma, shop, shipmentIds[0]!, "out_for_delivery");
    await recordShipmentMilestone(prisma, shop, { shipmentId: shipmentIds[0]!, orderId, from: "in_transit", to: "out_for_delivery", at: new Date() });
    await drain();
    const token = tokenOf(sink.received[0]!.text ?? "", "unsubscribe");

    expect(await unsubscribeWithToken(prisma, token)).toBe(true);
    expect(await unsubscribeWithToken(prisma, token)).toBe(true);
    await setShipmentStatus(prisma, shop, shipmentIds[0]!, "delivered");
    await recordShipmentMilestone(prisma, shop, { shipmentId: shipmentIds[0]!, orderId, from: "out_for_delivery", to: "delivered", at: new Date() });
    await drain();

    expect(sink.received).toHaveLength(1);
    expect((await outbox(prisma, shop)).map((message) => [message.trigger, message.status, message.reason])).toEqual([
      ["out_for_delivery", "sent", null],
      ["delivered", "suppressed", "unsubscribed"],
    ]);
  });

  it("GIVEN a tampered unsubscribe token WHEN used THEN nothing is suppressed", async () => {
    expect(await unsubscribeWithToken(db.get().prisma, "eyJhbGciOiJIUzI1NiJ9.e30.AAAA")).toBe(false);
  });

  it.each([
    { case: "SMTP is not configured", email: "zoe@example.com", configured: false, reason: "channel_not_configured" },
    { case: "the order has no email", email: null, configured: true, reason: "no_recipient" },
    { case: "the email is invalid", email: "zoe@@example", configured: true, reason: "invalid_recipient" },
  ])("GIVEN $case WHEN the job runs THEN the message is suppressed with reason $reason", async ({ email, configured, reason }) => {
    const prisma = db.get().prisma;
    if (!configured) channels = { email: null, sms: null };
    const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop(), { email });
    await prisma.customer.updateMany({ where: { shop }, data: { email } });
    await setShipmentStatus(prisma, shop, shipmentIds[0]!, "delivered");
    await recordShipmentMilestone(prisma, shop, { shipmentId: shipmentIds[0]!, orderId, from: "out_for_delivery", to: "delivered", at: new Date() });
    await drain();
    expect((await outbox(prisma, shop))[0]).toMatchObject({ status: "suppressed", reason });
    expect(sink.received).toEqual([]);
  });

  it("GIVEN 'out for delivery' queued but the parcel delivered before it went out WHEN the job runs THEN it is suppressed as superseded", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop());
    await recordShipmentMilestone(prisma, shop, { shipmentId: shipmentIds[0]!, orderId, from: "in_transit", to: "out_for_delivery", at: new Date() });
    await setShipmentStatus(prisma, shop, shipmentIds[0]!, "delivered");
    await drain();
    expect((await outbox(prisma, shop))[0]).toMatchObject({ status: "suppressed", reason: "superseded" });
  });

  it("GIVEN a worker that died after claiming a message (stale 'sending') WHEN the job runs again THEN it is marked failed as outcome unknown and not resent", async () => {
    const prisma = db.get().prisma;
    const { shop, orderId, shipmentIds } = await seedOrder(prisma, freshShop());
    await setShipmentStatus(prisma, shop, shipmentIds[0]!, "delivered");
    await recordShipmentMilestone(prisma, shop, { shipmentId: shipmentIds[0]!, orderId, from: "out_for_delivery", to: "delivered", at: new Date() });
    await prisma.notificationMessage.updateMany({ where: { shop }, data: { status: "sending", claimedAt: new Date(Date.now() - 10 * 60_000), attempts: 1 } });

    await drain();

    expect((await outbox(prisma, shop))[0]).toMatchObject({ status: "failed", reason: expect.stringContaining("outcome_unknown") });
    expect(sink.received).toEqual([]);
  });
});
