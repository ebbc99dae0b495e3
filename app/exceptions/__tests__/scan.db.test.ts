import { describe, expect, it } from "vitest";
import type { Db } from "~/db.server";
import { freshShop, outbox, seedOrder } from "~/notifications/__tests__/fixtures";
import { openExceptionKindOf } from "~/notifications/exception-notice.server";
import { useTestDatabase } from "~/test/database";
import type { ExceptionKind } from "../kinds";
import { scanShopExceptions } from "../scan.server";
import { EXCEPTIONS_SCAN_EVERY_MS } from "../schedule";

const database = useTestDatabase();
const prisma = () => database.get().prisma;

const DAY = 86_400_000;
const MINUTE = 60_000;
// Orders are placed a Tuesday morning; every scan below passes its own `now`, the controllable clock.
const T0 = new Date("2026-12-01T10:00:00Z");
const at = (offsetMs: number) => new Date(T0.getTime() + offsetMs);

/** An installed shop with one order and parcel, placed at T0, the parcel moved by `arrange`. */
async function shopWith(arrange: (db: Db, fixture: { shop: string; orderId: string; shipmentId: string }) => Promise<unknown>) {
  const shop = freshShop();
  const fixture = await seedOrder(prisma(), shop, { processedAt: T0 });
  const subject = { shop, orderId: fixture.orderId, shipmentId: fixture.shipmentIds[0]! };
  await arrange(prisma(), subject);
  return subject;
}

function moveParcel(db: Db, subject: { shop: string; shipmentId: string }, data: { status: string; at: Date; estimatedDeliveryAt?: Date | null }) {
  return db.shipment.updateMany({
    where: { shop: subject.shop, id: subject.shipmentId },
    data: { status: data.status, statusAt: data.at, lastEventAt: data.at, shippedAt: T0, estimatedDeliveryAt: data.estimatedDeliveryAt ?? null },
  });
}

async function leaveUnfulfilled(db: Db, subject: { shop: string; orderId: string }) {
  await db.shipment.deleteMany({ where: { shop: subject.shop, orderId: subject.orderId } });
  await db.fulfillment.deleteMany({ where: { shop: subject.shop, orderId: subject.orderId } });
  await db.order.updateMany({ where: { shop: subject.shop, id: subject.orderId }, data: { fulfillmentStatus: "unfulfilled" } });
}

const openFlags = (shop: string) => prisma().shipmentException.findMany({ where: { shop, resolvedAt: null } });

const CASES: { kind: ExceptionKind; arrange: Parameters<typeof shopWith>[0]; cause: Date; shopperNotice: boolean }[] = [
  { kind: "stalled", arrange: (db, s) => moveParcel(db, s, { status: "in_transit", at: T0 }), cause: at(5 * DAY), shopperNotice: true },
  {
    kind: "past_due",
    arrange: (db, s) => moveParcel(db, s, { status: "in_transit", at: at(2 * DAY), estimatedDeliveryAt: at(2 * DAY) }),
    cause: at(3 * DAY),
    shopperNotice: true,
  },
  { kind: "failed_attempt", arrange: (db, s) => moveParcel(db, s, { status: "attempted_delivery", at: at(DAY) }), cause: at(DAY), shopperNotice: false },
  { kind: "returned_to_sender", arrange: (db, s) => moveParcel(db, s, { status: "returned_to_sender", at: at(DAY) }), cause: at(DAY), shopperNotice: false },
  { kind: "unfulfilled_past_handling", arrange: (db, s) => leaveUnfulfilled(db, s), cause: at(DAY), shopperNotice: true },
];

describe("scanShopExceptions", () => {
  it.each(CASES)(
    "GIVEN an order whose facts show $kind WHEN the scan runs within one period of the cause THEN one open flag with its evidence is recorded (shopper notice: $shopperNotice)",
    async ({ kind, arrange, cause, shopperNotice }) => {
      const subject = await shopWith(arrange);

      const outcome = await scanShopExceptions(prisma(), subject.shop, { now: new Date(cause.getTime() + EXCEPTIONS_SCAN_EVERY_MS - MINUTE) });

      const flags = await openFlags(subject.shop);
      expect(flags).toHaveLength(1);
      expect(flags[0]).toMatchObject({ kind, orderId: subject.orderId, since: cause, resolvedAt: null });
      expect(flags[0]!.shipmentId).toBe(kind === "unfulfilled_past_handling" ? null : subject.shipmentId);
      expect(JSON.parse(flags[0]!.evidence)).toEqual(expect.any(Object));
      const notices = (await outbox(prisma(), subject.shop)).filter((message) => message.trigger === "shipment_exception");
      expect(notices.map((message) => message.channel)).toEqual(shopperNotice ? ["email"] : []);
      expect(outcome).toEqual({ opened: 1, resolved: 0, notices: shopperNotice ? 1 : 0, actions: 0 });
    },
  );

  it.each(CASES.filter((c) => c.cause > at(DAY) || c.kind === "unfulfilled_past_handling"))(
    "GIVEN an order heading for $kind WHEN the scan runs a minute before the cause THEN nothing is flagged",
    async ({ arrange, cause }) => {
      const subject = await shopWith(arrange);

      await scanShopExceptions(prisma(), subject.shop, { now: new Date(cause.getTime() - MINUTE) });

      await expect(openFlags(subject.shop)).resolves.toEqual([]);
    },
  );

  it("GIVEN a flagged stalled parcel WHEN it is scanned ten more times THEN there is still one flag, one notice and one send job", async () => {
    const subject = await shopWith((db, s) => moveParcel(db, s, { status: "in_transit", at: T0 }));
    const now = at(6 * DAY);

    const outcomes = [];
    for (let run = 0; run < 11; run++) outcomes.push(await scanShopExceptions(prisma(), subject.shop, { now: new Date(now.getTime() + run * MINUTE) }));

    expect(outcomes.slice(1).every((outcome) => outcome.opened === 0 && outcome.notices === 0 && outcome.resolved === 0)).toBe(true);
    await expect(prisma().shipmentException.count({ where: { shop: subject.shop } })).resolves.toBe(1);
    await expect(prisma().notificationMessage.count({ where: { shop: subject.shop, trigger: "shipment_exception" } })).resolves.toBe(1);
    await expect(prisma().job.count({ where: { shop: subject.shop, name: "notifications.send" } })).resolves.toBe(1);
  });

  it("GIVEN a flagged stalled parcel WHEN a carrier event arrives and the scan runs again THEN the flag is resolved and its pending notice no longer applies", async () => {
    const subject = await shopWith((db, s) => moveParcel(db, s, { status: "in_transit", at: T0 }));
    await scanShopExceptions(prisma(), subject.shop, { now: at(5 * DAY + MINUTE) });
    const [notice] = await outbox(prisma(), subject.shop);
    await expect(openExceptionKindOf(prisma(), subject.shop, notice!.dedupeKey)).resolves.toBe("stalled");

    await moveParcel(prisma(), subject, { status: "out_for_delivery", at: at(5 * DAY + 2 * MINUTE) });
    const outcome = await scanShopExceptions(prisma(), subject.shop, { now: at(5 * DAY + 3 * MINUTE) });

    expect(outcome).toEqual({ opened: 0, resolved: 1, notices: 0, actions: 0 });
    const [flag] = await prisma().shipmentException.findMany({ where: { shop: subject.shop } });
    expect(flag).toMatchObject({ kind: "stalled", resolvedAt: at(5 * DAY + 3 * MINUTE), openKey: null });
    await expect(openExceptionKindOf(prisma(), subject.shop, notice!.dedupeKey)).resolves.toBeNull();
  });

  it("GIVEN a resolved stall WHEN the parcel stalls again THEN a new flag opens beside the resolved one", async () => {
    const subject = await shopWith((db, s) => moveParcel(db, s, { status: "in_transit", at: T0 }));
    await scanShopExceptions(prisma(), subject.shop, { now: at(5 * DAY) });
    await moveParcel(prisma(), subject, { status: "in_transit", at: at(5 * DAY + MINUTE) });
    await scanShopExceptions(prisma(), subject.shop, { now: at(5 * DAY + 2 * MINUTE) });

    const outcome = await scanShopExceptions(prisma(), subject.shop, { now: at(10 * DAY + MINUTE) });

    expect(outcome.opened).toBe(1);
    await expect(prisma().shipmentException.count({ where: { shop: subject.shop } })).resolves.toBe(2);
    await expect(openFlags(subject.shop)).resolves.toHaveLength(1);
  });

  it("GIVEN a problem that began more than 72 hours ago (a first scan after install) WHEN flagged THEN the merchant sees it but the shopper gets no apology", async () => {
    const subject = await shopWith((db, s) => moveParcel(db, s, { status: "in_transit", at: T0 }));

    const outcome = await scanShopExceptions(prisma(), subject.shop, { now: at(20 * DAY) });

    expect(outcome).toEqual({ opened: 1, resolved: 0, notices: 0, actions: 0 });
  });

  it("GIVEN two shops with stalled parcels WHEN only one is scanned, then its parcel moves THEN the other shop's flags are untouched", async () => {
    const first = await shopWith((db, s) => moveParcel(db, s, { status: "in_transit", at: T0 }));
    const second = await shopWith((db, s) => moveParcel(db, s, { status: "in_transit", at: T0 }));
    await scanShopExceptions(prisma(), second.shop, { now: at(6 * DAY) });

    await scanShopExceptions(prisma(), first.shop, { now: at(6 * DAY) });
    await moveParcel(prisma(), first, { status: "delivered", at: at(6 * DAY + MINUTE) });
    await scanShopExceptions(prisma(), first.shop, { now: at(6 * DAY + 2 * MINUTE) });

    await expect(openFlags(first.shop)).resolves.toEqual([]);
    expect((await openFlags(second.shop)).map((flag) => flag.orderId)).toEqual([second.orderId]);
    await expect(prisma().notificationMessage.count({ where: { shop: second.shop, trigger: "shipment_exception" } })).resolves.toBe(1);
  });

  it("GIVEN the stall period set to 2 days in the notification settings WHEN a parcel is quiet for 2 days THEN it is flagged", async () => {
    const subject = await shopWith(async (db, s) => {
      await moveParcel(db, s, { status: "in_transit", at: T0 });
      await db.notificationSettings.create({ data: { shop: s.shop, document: JSON.stringify({ exceptions: { stalledAfterDays: 2 } }) } });
    });

    await scanShopExceptions(prisma(), subject.shop, { now: at(2 * DAY) });

    expect((await openFlags(subject.shop)).map((flag) => flag.kind)).toEqual(["stalled"]);
  });

  it("GIVEN a return label's parcel that has not moved for days WHEN the scan runs THEN it is not flagged: the shopper is not told their own return is a late delivery", async () => {
    const subject = await shopWith(async (db, s) => {
      await moveParcel(db, s, { status: "in_transit", at: T0 });
      await db.shipment.updateMany({ where: { shop: s.shop, id: s.shipmentId }, data: { kind: "return" } });
    });

    const outcome = await scanShopExceptions(prisma(), subject.shop, { now: at(6 * DAY) });

    expect(await openFlags(subject.shop)).toEqual([]);
    expect(outcome).toMatchObject({ opened: 0, notices: 0 });
  });
});
