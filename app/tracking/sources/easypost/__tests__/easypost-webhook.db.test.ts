import { describe, expect, it } from "vitest";
import { InvalidInputError } from "~/errors";
import { logger } from "~/logger.server";
import { samplePayload } from "~/orders/__tests__/shopify-samples";
import { action, loader } from "~/routes/carriers.easypost.$shop";
import { useTestDatabase } from "~/test/database";
import { applyFulfillmentWebhook } from "../../../fulfillments.server";
import { connectCarrierSource, disconnectCarrierSource } from "../../carrier-source-settings.server";
import { APPLY_CARRIER_UPDATE_JOB } from "../../carrier-update-inbox.server";
import { applyCarrierUpdateJob } from "../apply-carrier-update.server";
import { easyPostSignature } from "../signature";
import { JOURNEY, tracker, trackerEvent } from "./easypost-samples";

const database = useTestDatabase();
const SECRET = "whsec-0123456789-abcdef";
const NUMBER = "9400111201080805483016";
const newShop = () => `easypost-${Math.random().toString(36).slice(2, 10)}.myshopify.com`;

/** A shop with EasyPost connected and one shipped USPS parcel. */
async function connectedShop(): Promise<string> {
  const shop = newShop();
  await connectCarrierSource(database.get().prisma, shop, { provider: "easypost", webhookSecret: SECRET });
  await applyFulfillmentWebhook(database.get().prisma, shop, {
    ...samplePayload("fulfillments/update"),
    status: "success",
    tracking_company: null,
    tracking_number: NUMBER,
    tracking_numbers: [NUMBER],
    tracking_url: null,
    tracking_urls: [],
    created_at: "2026-11-20T08:00:00Z",
    updated_at: "2026-11-20T08:00:00Z",
  });
  return shop;
}

function post(shop: string, body: string, signature: string | null = easyPostSignature(new TextEncoder().encode(body), SECRET)) {
  const headers = new Headers({ "content-type": "application/json" });
  if (signature !== null) headers.set("X-Hmac-Signature", signature);
  const request = new Request(`https://app.example/carriers/easypost/${encodeURIComponent(shop)}`, { method: "POST", headers, body });
  return action({ request, params: { shop }, context: {} });
}

const body = (eventId: string, details = JOURNEY, trackingCode = NUMBER, description = "tracker.updated") =>
  JSON.stringify(trackerEvent(eventId, tracker(trackingCode, details), description));

async function inbox(shop: string) {
  const prisma = database.get().prisma;
  return {
    updates: await prisma.carrierUpdate.findMany({ where: { shop } }),
    jobs: await prisma.job.findMany({ where: { shop, name: APPLY_CARRIER_UPDATE_JOB } }),
  };
}

/** Runs the queued apply jobs of a shop the way the worker would. */
async function runJobs(shop: string): Promise<void> {
  const prisma = database.get().prisma;
  for (const job of await prisma.job.findMany({ where: { shop, name: APPLY_CARRIER_UPDATE_JOB }, orderBy: { createdAt: "asc" } })) {
    const context = { db: prisma, shop, logger, signal: new AbortController().signal, job: { id: job.id, name: job.name, attempt: 1, maxAttempts: 8 } };
    await applyCarrierUpdateJob.handle(context, applyCarrierUpdateJob.payload.parse(JSON.parse(job.payload)));
  }
}

describe("app/routes/carriers.easypost.$shop.tsx", () => {
  it("GIVEN a signed tracker.updated WHEN posted and its job runs THEN the parcel follows EasyPost's history and the payload is gone", async () => {
    const shop = await connectedShop();

    const response = await post(shop, body("evt_1"));
    await runJobs(shop);

    expect(response.status).toBe(200);
    const shipment = await database.get().prisma.shipment.findFirstOrThrow({ where: { shop } });
    expect(shipment).toMatchObject({ carrier: "usps", status: "out_for_delivery", statusAt: new Date("2026-11-22T07:45:00Z"), estimatedDeliveryAt: new Date("2026-11-23T00:00:00Z") });
    expect(await database.get().prisma.trackingEvent.count({ where: { shop, source: "easypost", shipmentId: shipment.id } })).toBe(4);
    expect((await inbox(shop)).updates).toEqual([expect.objectContaining({ externalId: "evt_1", status: "applied", reason: null, payload: "" })]);
  });

  it("GIVEN a delivery EasyPost retries WHEN it arrives three times THEN it is stored and applied once", async () => {
    const shop = await connectedShop();

    for (let i = 0; i < 3; i++) expect((await post(shop, body("evt_same"))).status).toBe(200);
    await runJobs(shop);

    const { updates, jobs } = await inbox(shop);
    expect(updates).toHaveLength(1);
    expect(jobs).toHaveLength(1);
    expect(await database.get().prisma.trackingEvent.count({ where: { shop } })).toBe(4);
  });

  it("GIVEN deliveries out of order WHEN the older one is applied last THEN the parcel keeps the newer state", async () => {
    const shop = await connectedShop();
    const delivered = [...JOURNEY, { datetime: "2026-11-22T12:00:00Z", status: "delivered", status_detail: "arrived_at_destination" }];

    await post(shop, body("evt_new", delivered));
    await post(shop, body("evt_old", JOURNEY.slice(0, 2)));
    await runJobs(shop);

    expect(await database.get().prisma.shipment.findFirstOrThrow({ where: { shop } })).toMatchObject({
      status: "delivered",
      deliveredAt: new Date("2026-11-22T12:00:00Z"),
      estimatedDeliveryAt: new Date("2026-11-23T00:00:00Z"),
    });
    expect(await database.get().prisma.trackingEvent.count({ where: { shop } })).toBe(5);
  });

  it("GIVEN a tracker for a number no shipment carries WHEN applied THEN it is recorded as ignored with the reason, not failed", async () => {
    const shop = await connectedShop();

    await post(shop, body("evt_unknown", JOURNEY, "1Z5R89390357567127"));
    await runJobs(shop);

    expect((await inbox(shop)).updates).toEqual([expect.objectContaining({ status: "ignored", reason: "unknown tracking number", payload: "" })]);
    expect(await database.get().prisma.trackingEvent.count({ where: { shop } })).toBe(0);
  });

  it.each([
    ["a forged signature", (shop: string) => post(shop, body("evt_f"), easyPostSignature(new TextEncoder().encode(body("evt_f")), "not-the-secret-000"))],
    ["no signature", (shop: string) => post(shop, body("evt_f"), null)],
    ["a body changed after signing", (shop: string) => post(shop, body("evt_f").replace("out_for_delivery", "delivered"), easyPostSignature(new TextEncoder().encode(body("evt_f")), SECRET))],
    ["a shop that never connected EasyPost", () => post(newShop(), body("evt_f"))],
    ["a shop param that is not a shop", () => post("../../etc/passwd", body("evt_f"))],
  ])("GIVEN %s WHEN posted THEN 401 and no trace in the database", async (_case, send) => {
    const shop = await connectedShop();
    const prisma = database.get().prisma;
    const before = { updates: await prisma.carrierUpdate.count(), jobs: await prisma.job.count() };

    const response = await send(shop);

    expect(response.status).toBe(401);
    expect({ updates: await prisma.carrierUpdate.count(), jobs: await prisma.job.count() }).toEqual(before);
  });

  it("GIVEN a shop that disconnected EasyPost WHEN its old secret signs a delivery THEN 401", async () => {
    const shop = await connectedShop();
    await disconnectCarrierSource(database.get().prisma, shop, "easypost");

    expect((await post(shop, body("evt_after"))).status).toBe(401);
  });

  it("GIVEN one shop's secret WHEN it signs a delivery to another connected shop THEN 401 there", async () => {
    const [victim, attacker] = [await connectedShop(), newShop()];
    await connectCarrierSource(database.get().prisma, attacker, { provider: "easypost", webhookSecret: "attacker-secret-000000" });
    const payload = body("evt_x");

    const response = await post(victim, payload, easyPostSignature(new TextEncoder().encode(payload), "attacker-secret-000000"));

    expect(response.status).toBe(401);
    expect((await inbox(victim)).updates).toEqual([]);
  });

  it.each([
    ["not JSON", "{oops", 400],
    ["a tracker without a tracking code", JSON.stringify(trackerEvent("evt_bad", tracker("", JOURNEY))), 400],
    ["an event other than tracker.*", body("evt_batch", JOURNEY, NUMBER, "batch.created"), 200],
  ])("GIVEN a signed body that is %s WHEN posted THEN %i and nothing is stored", async (_case, payload, status) => {
    const shop = await connectedShop();

    const response = await post(shop, payload);

    expect(response.status).toBe(status);
    expect(await inbox(shop)).toEqual({ updates: [], jobs: [] });
  });

  it("GIVEN a body over 1 MiB WHEN posted THEN 413 before anything is verified or stored", async () => {
    const shop = await connectedShop();

    expect((await post(shop, `{"pad":"${"x".repeat(1024 * 1024)}"}`)).status).toBe(413);
    expect((await inbox(shop)).updates).toEqual([]);
  });

  it("GIVEN a GET WHEN the loader runs THEN 405", () => {
    expect(loader().status).toBe(405);
  });
});

describe("connectCarrierSource", () => {
  it.each([
    ["a short secret", { provider: "easypost", webhookSecret: "short" }, "webhookSecret"],
    ["an unknown provider", { provider: "aftership", webhookSecret: SECRET }, "provider"],
  ])("GIVEN %s WHEN connecting THEN a field error names it", async (_case, input, field) => {
    const attempt = connectCarrierSource(database.get().prisma, newShop(), input);

    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    await expect(attempt).rejects.toMatchObject({ fieldErrors: { [field]: [expect.any(String)] } });
  });
});
