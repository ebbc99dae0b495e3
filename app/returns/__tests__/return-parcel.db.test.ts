import { describe, expect, it } from "vitest";
import { logger } from "~/logger.server";
import { action } from "~/routes/carriers.easypost.$shop";
import { useTestDatabase } from "~/test/database";
import { APPLY_CARRIER_UPDATE_JOB } from "~/tracking/sources/carrier-update-inbox.server";
import { connectCarrierSource } from "~/tracking/sources/carrier-source-settings.server";
import { applyCarrierUpdateJob } from "~/tracking/sources/easypost/apply-carrier-update.server";
import { type DetailInput, tracker, trackerEvent } from "~/tracking/sources/easypost/__tests__/easypost-samples";
import { easyPostSignature } from "~/tracking/sources/easypost/signature";
import { loadCaseSummary } from "../case-store.server";
import { approveReturn, attachUploadedLabel, markReturnReceived, processReturn } from "../merchant-actions.server";
import { loadReturnSummary, submitReturnRequest } from "../submit.server";
import { CUSTOMER, depsFor, fakeShopify, ORDER, refundOneMug, seedDeliveredOrder } from "./returns-scenario";

/**
 * A return label's parcel is tracked like an outbound one: the carrier's scans (EasyPost webhooks through the real
 * route and job) move the return to in transit and then received, on the timeline and in the shopper's messages.
 */
const database = useTestDatabase();
const prisma = () => database.get().prisma;
const SECRET = "whsec-return-parcel-0001";
const RETURN_NUMBER = "9400111201080805483016";
let counter = 0;

const PICKED_UP: DetailInput[] = [
  { datetime: "2026-11-26T09:00:00Z", status: "pre_transit", status_detail: "status_update", message: "Shipping Label Created" },
  { datetime: "2026-11-26T15:20:00Z", status: "in_transit", status_detail: "arrived_at_facility", message: "Accepted at USPS Origin Facility" },
];
const DELIVERED: DetailInput[] = [...PICKED_UP, { datetime: "2026-11-28T10:05:00Z", status: "delivered", status_detail: "arrived_at_destination", message: "Delivered" }];

/** An approved return with an uploaded USPS label, in a shop that connected EasyPost. */
async function labelledReturn() {
  const shop = `return-parcel-${++counter}-${Date.now()}.myshopify.com`;
  await seedDeliveredOrder(prisma(), shop);
  await connectCarrierSource(prisma(), shop, { provider: "easypost", webhookSecret: SECRET });
  const deps = depsFor(prisma(), fakeShopify());
  const submitted = await submitReturnRequest({ ...refundOneMug(`parcel-key-${counter}`), shop }, deps);
  if (!submitted.ok) throw new Error("expected a submitted return");
  const id = submitted.returnId;
  await approveReturn(deps, shop, id);
  await attachUploadedLabel(deps, shop, id, { labelUrl: "https://files.example/label.pdf", trackingNumber: RETURN_NUMBER, carrier: "USPS" });
  return { shop, deps, id };
}

/** Posts a signed EasyPost tracker.updated for the return label and runs its job as the worker would. */
async function carrierScans(shop: string, eventId: string, details: DetailInput[]): Promise<void> {
  const body = JSON.stringify(trackerEvent(eventId, tracker(RETURN_NUMBER, details, { is_return: true })));
  const headers = { "content-type": "application/json", "x-hmac-signature": easyPostSignature(new TextEncoder().encode(body), SECRET) };
  const response = await action({ request: new Request(`https://app.example/carriers/easypost/${shop}`, { method: "POST", headers, body }), params: { shop }, context: {} });
  expect(response.status).toBe(200);
  const jobs = await prisma().job.findMany({ where: { shop, name: APPLY_CARRIER_UPDATE_JOB, status: "queued" }, orderBy: { createdAt: "asc" } });
  for (const job of jobs) {
    const context = { db: prisma(), shop, logger, signal: new AbortController().signal, job: { id: job.id, name: job.name, attempt: 1, maxAttempts: 8 } };
    await applyCarrierUpdateJob.handle(context, applyCarrierUpdateJob.payload.parse(JSON.parse(job.payload)));
    await prisma().job.update({ where: { id: job.id }, data: { status: "succeeded" } });
  }
}

const returnMessages = async (shop: string) =>
  (await prisma().notificationMessage.findMany({ where: { shop, orderId: ORDER }, select: { dedupeKey: true } })).map((message) => message.dedupeKey).sort();

describe("return parcels tracked by the carrier", () => {
  it("GIVEN a labelled return WHEN the carrier accepts the parcel THEN the return is in transit with the carrier's step, and the shopper is told once", async () => {
    const { shop, id } = await labelledReturn();

    await carrierScans(shop, "evt_ret_1", PICKED_UP);
    await carrierScans(shop, "evt_ret_1_again", PICKED_UP);

    // What the shopper's status page (portal and customer account) reads.
    const summary = await loadReturnSummary({ shop, customerId: CUSTOMER, returnId: id }, { db: prisma() });
    expect(summary.status).toBe("in_transit");
    expect(summary.timeline.at(-1)).toEqual({ at: "2026-11-26T15:20:00.000Z", kind: "in_transit", text: "Return parcel on its way back (carrier scan)" });
    const events = await prisma().returnEvent.findMany({ where: { shop, returnId: id, kind: "in_transit" } });
    expect(events).toEqual([expect.objectContaining({ actor: "carrier" })]);
    expect(await prisma().shipment.findFirstOrThrow({ where: { shop, kind: "return" } })).toMatchObject({ status: "in_transit", statusAt: new Date("2026-11-26T15:20:00Z") });
    const keys = await returnMessages(shop);
    expect(keys.filter((key) => key.includes(":in_transit:"))).toEqual([`return:${id}:in_transit:email`]);
    // A return parcel is not the shopper's delivery: no outbound parcel message for it.
    expect(keys.filter((key) => key.startsWith("shipment:") || key.startsWith("fulfillment:"))).toEqual([]);
  });

  it("GIVEN a return in transit WHEN the carrier delivers it to the store THEN it is received (ready to process) at the scan's time, and processing works from there", async () => {
    const { shop, deps, id } = await labelledReturn();
    await carrierScans(shop, "evt_ret_2", PICKED_UP);

    await carrierScans(shop, "evt_ret_3", DELIVERED);

    const row = await prisma().returnCase.findUniqueOrThrow({ where: { shop_id: { shop, id } } });
    expect(row).toMatchObject({ status: "received", receivedAt: new Date("2026-11-28T10:05:00Z") });
    const summary = await loadCaseSummary(prisma(), shop, id);
    expect(summary.timeline.map((event) => event.kind)).toEqual(["requested", "approved", "label_created", "in_transit", "received"]);
    expect((await returnMessages(shop)).filter((key) => key.includes(":received:"))).toEqual([`return:${id}:received:email`]);
    await processReturn(deps, shop, id);
    expect((await prisma().returnCase.findUniqueOrThrow({ where: { shop_id: { shop, id } } })).status).toBe("processed");
  });

  it("GIVEN the whole journey in one late delivery WHEN applied THEN the return goes straight to received", async () => {
    const { shop, id } = await labelledReturn();

    await carrierScans(shop, "evt_ret_4", DELIVERED);

    expect((await loadCaseSummary(prisma(), shop, id)).status).toBe("received");
  });

  it("GIVEN the merchant already marked the return received WHEN the carrier's delivery scan arrives THEN nothing moves back and no step is added twice", async () => {
    const { shop, deps, id } = await labelledReturn();
    await markReturnReceived(deps, shop, id);

    await carrierScans(shop, "evt_ret_5", DELIVERED);

    const summary = await loadCaseSummary(prisma(), shop, id);
    expect(summary.status).toBe("received");
    expect(summary.timeline.filter((event) => event.kind === "received")).toHaveLength(1);
    expect(await prisma().shipment.findFirstOrThrow({ where: { shop, kind: "return" } })).toMatchObject({ status: "delivered" });
  });

  it("GIVEN a processed return WHEN a late in-transit scan arrives THEN the return stays processed", async () => {
    const { shop, deps, id } = await labelledReturn();
    await processReturn(deps, shop, id);

    await carrierScans(shop, "evt_ret_6", PICKED_UP);

    expect((await loadCaseSummary(prisma(), shop, id)).status).toBe("processed");
  });
});
