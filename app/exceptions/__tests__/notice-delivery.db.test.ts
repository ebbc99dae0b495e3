import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { drainJobs } from "~/jobs/worker.server";
import type { NotificationChannels } from "~/notifications/channels.server";
import { smtpSender } from "~/notifications/email/transport.server";
import { translator } from "~/notifications/messages";
import { createSendJob } from "~/notifications/send-job.server";
import { freshShop, outbox, seedOrder } from "~/notifications/__tests__/fixtures";
import { startSmtpSink, type SmtpSink } from "~/notifications/__tests__/smtp-sink";
import { useTestDatabase } from "~/test/database";
import { scanShopExceptions } from "../scan.server";

const db = useTestDatabase();
const prisma = () => db.get().prisma;
let sink: SmtpSink;
let channels: NotificationChannels;
const sendJob = createSendJob(() => channels);
const DAY = 86_400_000;
const de = translator("de");

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
  await prisma().job.deleteMany({});
});

/** A German shopper's order whose parcel has had no carrier event for six days (stalled since yesterday). */
async function stalledGermanOrder() {
  const quietSince = new Date(Date.now() - 6 * DAY);
  const fixture = await seedOrder(prisma(), freshShop(), { locale: "de", processedAt: quietSince });
  await prisma().shipment.updateMany({
    where: { shop: fixture.shop, id: fixture.shipmentIds[0]! },
    data: { status: "in_transit", statusAt: quietSince, lastEventAt: quietSince, shippedAt: quietSince, estimatedDeliveryAt: null },
  });
  return fixture;
}

describe("the shopper's exception notice", () => {
  it("GIVEN a German shopper's stalled parcel WHEN the scan flags it and the send job runs THEN one German apology saying what happens next arrives", async () => {
    const { shop } = await stalledGermanOrder();

    await scanShopExceptions(prisma(), shop);
    await drainJobs(db.get(), [sendJob], { now: new Date(Date.now() + 60_000) });

    expect(sink.received.map((mail) => mail.subject)).toEqual([de("shipment_exception_subject", { orderName: "#1042" })]);
    expect(sink.received[0]!.text).toContain(de("shipment_exception_intro", { kind: "stalled" }));
    expect(sink.received[0]!.html).toContain('lang="de"');
  });

  it("GIVEN a flagged stalled parcel WHEN it moves again before the notice is sent THEN the notice is suppressed as superseded", async () => {
    const { shop, shipmentIds } = await stalledGermanOrder();
    await scanShopExceptions(prisma(), shop);

    await prisma().shipment.updateMany({ where: { shop, id: shipmentIds[0]! }, data: { status: "out_for_delivery", statusAt: new Date(), lastEventAt: new Date() } });
    await scanShopExceptions(prisma(), shop);
    await drainJobs(db.get(), [sendJob], { now: new Date(Date.now() + 60_000) });

    expect(sink.received).toEqual([]);
    expect((await outbox(prisma(), shop)).map((message) => [message.trigger, message.status, message.reason])).toEqual([["shipment_exception", "suppressed", "superseded"]]);
  });

});
