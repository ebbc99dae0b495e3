import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { drainJobs } from "~/jobs/worker.server";
import type { NotificationChannels } from "~/notifications/channels.server";
import { smtpSender } from "~/notifications/email/transport.server";
import { recordOrderConfirmed, recordShipmentMilestone } from "~/notifications/outbox.server";
import { createSendJob } from "~/notifications/send-job.server";
import { freshShop, seedOrder, setShipmentStatus } from "~/notifications/__tests__/fixtures";
import { startSmtpSink, type SmtpSink } from "~/notifications/__tests__/smtp-sink";
import { getCustomerOrderStatus } from "~/shipments/order-status.server";
import { useTestDatabase } from "~/test/database";
import { loadOrderPageRows } from "~/tracking-page/order-page-data.server";
import { buildOrderView } from "~/tracking-page/view-model";
import { forgetShopEstimators } from "../shop-estimator.server";

const db = useTestDatabase();
const prisma = () => db.get().prisma;
let sink: SmtpSink;
let channels: NotificationChannels;
const sendJob = createSendJob(() => channels);

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
  forgetShopEstimators();
  await prisma().job.deleteMany({});
});

/** How the email words a range (English, calendar dates). */
function emailWords(range: { earliestDate: string; promisedDate: string }): string {
  const day = (iso: string) => new Intl.DateTimeFormat("en", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));
  return range.earliestDate < range.promisedDate ? `${day(range.earliestDate)} – ${day(range.promisedDate)}` : day(range.promisedDate);
}

async function customerOf(shop: string, orderId: string): Promise<string> {
  return (await prisma().order.findFirstOrThrow({ where: { shop, id: orderId }, select: { customerId: true } })).customerId!;
}

describe("one promise on every surface", () => {
  it("GIVEN a shipped parcel WHEN the shipped email goes out THEN the email, the order-status block and the tracking page show the same promised range", async () => {
    const { shop, orderId, shipmentIds } = await seedOrder(prisma(), freshShop(), { processedAt: new Date(Date.now() - 3600_000) });
    const shipmentId = shipmentIds[0]!;
    await prisma().shipment.updateMany({ where: { shop, id: shipmentId }, data: { shippedAt: new Date() } });
    await setShipmentStatus(prisma(), shop, shipmentId, "in_transit");
    await recordShipmentMilestone(prisma(), shop, { shipmentId, orderId, from: null, to: "in_transit", at: new Date() });

    expect(await drainJobs(db.get(), [sendJob], { now: new Date(Date.now() + 3600_000) })).toMatchObject({ succeeded: 1 });

    const block = await getCustomerOrderStatus(prisma(), { shop, customerId: await customerOf(shop, orderId), orderId });
    const range = block.parcels[0]!.promise!;
    expect(range.promisedDate).toMatch(/^\d{4}-\d\d-\d\d$/);
    const page = buildOrderView((await loadOrderPageRows(prisma(), shop, orderId))!);
    expect(page.parcels[0]!.estimate).toEqual({ source: "promise", ...range });
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.text).toContain(`Expected ${emailWords(range)}`);
  });

  it("GIVEN an order not shipped yet WHEN the confirmation goes out THEN the email, the block and the tracking page show the same purchase promise", async () => {
    const { shop, orderId } = await seedOrder(prisma(), freshShop());
    await prisma().shipment.deleteMany({ where: { shop, orderId } });
    await prisma().fulfillment.deleteMany({ where: { shop, orderId } });
    const order = await prisma().order.findFirstOrThrow({ where: { shop, id: orderId } });
    await recordOrderConfirmed(prisma(), shop, order);

    expect(await drainJobs(db.get(), [sendJob], { now: new Date(Date.now() + 3600_000) })).toMatchObject({ succeeded: 1 });

    const block = await getCustomerOrderStatus(prisma(), { shop, customerId: await customerOf(shop, orderId), orderId });
    const range = block.order.promise!;
    expect(range).toBeTruthy();
    const page = buildOrderView((await loadOrderPageRows(prisma(), shop, orderId))!);
    expect(page.estimate).toEqual({ source: "promise", ...range });
    expect(sink.received[0]!.text).toContain(`Expected ${emailWords(range)}`);
  });
});
