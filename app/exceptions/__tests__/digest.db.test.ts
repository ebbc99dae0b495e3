import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { drainJobs } from "~/jobs/worker.server";
import { smtpSender } from "~/notifications/email/transport.server";
import { DEFAULT_NOTIFICATION_PREFERENCES } from "~/notifications/preferences";
import { saveNotificationPreferences } from "~/notifications/preferences.server";
import { freshShop, seedOrder } from "~/notifications/__tests__/fixtures";
import { startSmtpSink, type SmtpSink } from "~/notifications/__tests__/smtp-sink";
import { useTestDatabase } from "~/test/database";
import { createDigestJob } from "../digest/job.server";
import { recordDueDigest } from "../digest/record.server";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
const HOUR = 3_600_000;
// The controllable clock: Berlin is UTC+1 in December, so the 08:00 digest is due from 07:00 UTC.
const DAY1_BEFORE = new Date("2026-12-01T06:45:00Z");
const DAY1_DUE = new Date("2026-12-01T07:05:00Z");
const DAY2_DUE = new Date("2026-12-02T07:20:00Z");
let sink: SmtpSink;
let email: { sender: ReturnType<typeof smtpSender>; fromAddress: string };
const digestJob = createDigestJob(() => email);

beforeAll(async () => {
  sink = await startSmtpSink();
  email = { sender: smtpSender(sink.url, { timeoutMs: 5_000 }), fromAddress: "alerts@aftercare.test" };
});
afterAll(async () => {
  email.sender.close();
  await sink.close();
});
beforeEach(async () => {
  sink.received.length = 0;
  sink.mode = "accept";
  await prisma().job.deleteMany({});
});

/** A Berlin shop with its digest at `hour` and one order; `flag(kind, detectedAt)` opens a flag on its parcel. */
async function shopWithDigest(hour: number | null, digestEmail: string | null = null) {
  const fixture = await seedOrder(prisma(), freshShop(), { processedAt: new Date("2026-11-28T10:00:00Z") });
  const { shop } = fixture;
  await prisma().shop.updateMany({ where: { shop }, data: { email: "owner@tea.example" } });
  const preferences = structuredClone(DEFAULT_NOTIFICATION_PREFERENCES);
  preferences.exceptions.digest = { hour, email: digestEmail };
  await saveNotificationPreferences(prisma(), shop, preferences);
  let count = 0;
  const flag = (kind: string, detectedAt: Date) =>
    prisma().shipmentException.create({
      data: { shop, kind, orderId: fixture.orderId, shipmentId: fixture.shipmentIds[0]!, openKey: `k${count++}`, evidence: "{}", since: detectedAt, detectedAt },
    });
  return { shop, flag };
}

const record = (shop: string, now: Date) => prisma().$transaction((tx) => recordDueDigest(tx, shop, now));
const drain = (now: Date) => drainJobs(database.get(), [digestJob], { now });

describe("the merchant's daily digest", () => {
  it("GIVEN a digest at 08:00 Berlin and three new flags WHEN scans run before and after 08:00 THEN one digest with counts per kind and the rows is emailed", async () => {
    const { shop, flag } = await shopWithDigest(8);
    await flag("stalled", new Date(DAY1_DUE.getTime() - 5 * HOUR));
    await flag("stalled", new Date(DAY1_DUE.getTime() - 4 * HOUR));
    await flag("past_due", new Date(DAY1_DUE.getTime() - 3 * HOUR));

    expect(await record(shop, DAY1_BEFORE)).toBeNull();
    expect(await record(shop, DAY1_DUE)).not.toBeNull();
    await drain(DAY1_DUE);

    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]!;
    expect(mail.to).toMatchObject({ text: "owner@tea.example" });
    expect(mail.subject).toBe("Tea & Co: 3 new delivery exceptions (2026-12-01)");
    expect(mail.text).toContain("Stalled: 2");
    expect(mail.text).toContain("Past due: 1");
    expect(mail.text).toContain("#1042 · JD0146000033");
    expect(mail.text).toContain(`https://${shop}/admin/apps/${process.env.SHOPIFY_API_KEY}/app/exceptions`);
    expect(mail.html).toContain("Stalled: 2");
    expect(await prisma().exceptionDigest.findMany({ where: { shop } })).toEqual([expect.objectContaining({ status: "sent", exceptionCount: 3, period: "2026-12-01" })]);
  });

  it("GIVEN several workers scanning the same morning WHEN each records the due digest THEN exactly one is recorded and sent", async () => {
    const { shop, flag } = await shopWithDigest(8);
    await flag("stalled", new Date(DAY1_DUE.getTime() - HOUR));

    const recorded = await Promise.all([record(shop, DAY1_DUE), record(shop, DAY1_DUE), record(shop, new Date(DAY1_DUE.getTime() + 15 * 60_000))]);
    await drain(new Date(DAY1_DUE.getTime() + HOUR));

    expect(recorded.filter((id) => id !== null)).toHaveLength(1);
    expect(sink.received).toHaveLength(1);
  });

  it("GIVEN yesterday's digest WHEN today's is due THEN it lists only flags detected since yesterday's", async () => {
    const { shop, flag } = await shopWithDigest(8, "ops@tea.example");
    await flag("stalled", new Date(DAY1_DUE.getTime() - HOUR));
    await record(shop, DAY1_DUE);
    await drain(DAY1_DUE);
    await flag("failed_attempt", new Date(DAY1_DUE.getTime() + HOUR));

    await record(shop, DAY2_DUE);
    await drain(DAY2_DUE);

    expect(sink.received.map((mail) => mail.subject)).toEqual(["Tea & Co: 1 new delivery exception (2026-12-01)", "Tea & Co: 1 new delivery exception (2026-12-02)"]);
    expect(sink.received[1]!.text).toContain("Delivery failed: 1");
    expect(sink.received[1]!.text).not.toContain("Stalled");
    expect(sink.received[1]!.to).toMatchObject({ text: "ops@tea.example" });
  });

  it("GIVEN no new flags WHEN the digest is due THEN nothing is emailed and the day is recorded as empty", async () => {
    const { shop } = await shopWithDigest(8);

    await record(shop, DAY1_DUE);
    await drain(DAY1_DUE);

    expect(sink.received).toEqual([]);
    expect(await prisma().exceptionDigest.findMany({ where: { shop } })).toEqual([expect.objectContaining({ status: "empty" })]);
  });

  it("GIVEN the digest switched off WHEN scans run all day THEN none is recorded", async () => {
    const { shop, flag } = await shopWithDigest(null);
    await flag("stalled", DAY1_BEFORE);

    expect(await record(shop, DAY1_DUE)).toBeNull();
    expect(await prisma().exceptionDigest.count({ where: { shop } })).toBe(0);
  });

  it("GIVEN the mail server answers 451 WHEN the digest is sent THEN it is retried and delivered once on the next attempt", async () => {
    const { shop, flag } = await shopWithDigest(8);
    await flag("stalled", new Date(DAY1_DUE.getTime() - HOUR));
    await record(shop, DAY1_DUE);
    sink.mode = "tempfail";

    const first = await drain(DAY1_DUE);
    sink.mode = "accept";
    await drain(new Date(DAY1_DUE.getTime() + HOUR));

    expect(first.retry).toBe(1);
    expect(sink.received).toHaveLength(1);
    expect(await prisma().exceptionDigest.findFirst({ where: { shop } })).toMatchObject({ status: "sent", attempts: 2 });
  });
});
