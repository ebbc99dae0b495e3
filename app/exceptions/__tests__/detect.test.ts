import { describe, expect, it } from "vitest";
import { detectExceptions, type ShipmentFacts, type UnshippedOrderFacts } from "../detect";
import { handlingDeadline } from "../handling-deadline";
import type { ExceptionKind } from "../kinds";
import { DEFAULT_EXCEPTION_SETTINGS, type DetectionPolicy } from "../settings";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// A Tuesday.
const T0 = new Date("2026-12-01T10:00:00Z");
const at = (offsetMs: number) => new Date(T0.getTime() + offsetMs);

const POLICY: DetectionPolicy = { ...DEFAULT_EXCEPTION_SETTINGS, stalledAfterDays: 5, pastDueGraceHours: 24, handlingDays: 1, shippingWeekdays: [1, 2, 3, 4, 5] };

function parcel(overrides: Partial<ShipmentFacts> = {}): ShipmentFacts {
  return { id: "s1", orderId: "o1", trackingNumber: "1Z999", status: "in_transit", statusAt: T0, lastEventAt: T0, shippedAt: T0, estimatedDeliveryAt: null, ...overrides };
}

type Facts = { shipments?: ShipmentFacts[]; unshippedOrders?: UnshippedOrderFacts[] };

const ORDER: UnshippedOrderFacts = { id: "o2", name: "#1002", processedAt: T0 };

function kindsAt(facts: Facts, now: Date, policy = POLICY): ExceptionKind[] {
  return detectExceptions({ shipments: facts.shipments ?? [], unshippedOrders: facts.unshippedOrders ?? [] }, policy, now).map((flag) => flag.kind);
}

describe("detectExceptions", () => {
  // Failures and returns are flagged the moment the carrier reports them: a minute before, the parcel was in transit.
  const inTransit = { shipments: [parcel({ estimatedDeliveryAt: at(5 * DAY) })] };
  it.each<{ kind: ExceptionKind; facts: Facts; cause: Date; factsBefore?: Facts }>([
    { kind: "stalled", facts: { shipments: [parcel()] }, cause: at(5 * DAY) },
    { kind: "past_due", facts: { shipments: [parcel({ estimatedDeliveryAt: at(2 * DAY), lastEventAt: at(2 * DAY) })] }, cause: at(3 * DAY) },
    { kind: "failed_attempt", facts: { shipments: [parcel({ status: "attempted_delivery", statusAt: at(DAY), lastEventAt: at(DAY) })] }, cause: at(DAY), factsBefore: inTransit },
    { kind: "failed_attempt", facts: { shipments: [parcel({ status: "exception", statusAt: at(DAY), lastEventAt: at(DAY) })] }, cause: at(DAY), factsBefore: inTransit },
    { kind: "returned_to_sender", facts: { shipments: [parcel({ status: "returned_to_sender", statusAt: at(DAY), lastEventAt: at(DAY) })] }, cause: at(DAY), factsBefore: inTransit },
    { kind: "unfulfilled_past_handling", facts: { unshippedOrders: [ORDER] }, cause: at(DAY) },
  ])("GIVEN facts showing $kind WHEN checked a minute before and at the cause THEN it is flagged exactly from the cause on", ({ kind, facts, cause, factsBefore }) => {
    const before = kindsAt(factsBefore ?? facts, new Date(cause.getTime() - 60_000));
    const after = detectExceptions({ shipments: facts.shipments ?? [], unshippedOrders: facts.unshippedOrders ?? [] }, POLICY, cause);

    expect(before).not.toContain(kind);
    expect(after.find((flag) => flag.kind === kind)).toMatchObject({ kind, since: cause });
  });

  it("GIVEN a parcel stalled for 6 days WHEN checked THEN the evidence names its last scan and the days without one", () => {
    const [flag] = detectExceptions({ shipments: [parcel()], unshippedOrders: [] }, POLICY, at(6 * DAY + HOUR));

    expect(flag).toMatchObject({
      kind: "stalled",
      orderId: "o1",
      shipmentId: "s1",
      evidence: { trackingNumber: "1Z999", status: "in_transit", lastEventAt: T0.toISOString(), daysWithoutEvent: 6 },
    });
  });

  it.each(["delivered", "cancelled"] as const)("GIVEN a %s parcel long past its date WHEN checked THEN nothing is flagged", (status) => {
    expect(kindsAt({ shipments: [parcel({ status, estimatedDeliveryAt: T0 })] }, at(30 * DAY))).toEqual([]);
  });

  it("GIVEN a late parcel that also stopped moving WHEN checked THEN it carries both flags", () => {
    expect(kindsAt({ shipments: [parcel({ estimatedDeliveryAt: at(DAY) })] }, at(6 * DAY)).sort()).toEqual(["past_due", "stalled"]);
  });

  it.each<ExceptionKind>(["stalled", "past_due"])("GIVEN the %s kind switched off WHEN a parcel shows it THEN it is not flagged", (kind) => {
    const policy = { ...POLICY, kinds: { ...POLICY.kinds, [kind]: false } };

    expect(kindsAt({ shipments: [parcel({ estimatedDeliveryAt: at(DAY) })] }, at(6 * DAY), policy)).not.toContain(kind);
  });

  it("GIVEN a shorter stall period WHEN a parcel is quiet for it THEN it is stalled sooner", () => {
    expect(kindsAt({ shipments: [parcel()] }, at(2 * DAY), { ...POLICY, stalledAfterDays: 2 })).toEqual(["stalled"]);
  });
});

describe("handlingDeadline", () => {
  it.each([
    { placed: "2026-12-01T10:00:00Z", days: 1, expected: "2026-12-02T10:00:00Z", why: "Tuesday + 1 → Wednesday" },
    { placed: "2026-12-04T10:00:00Z", days: 1, expected: "2026-12-07T10:00:00Z", why: "Friday + 1 skips the weekend" },
    { placed: "2026-12-03T10:00:00Z", days: 3, expected: "2026-12-08T10:00:00Z", why: "Thursday + 3 → Tuesday" },
    { placed: "2026-12-05T10:00:00Z", days: 0, expected: "2026-12-05T10:00:00Z", why: "no handling time → the same moment" },
  ])("GIVEN an order placed $placed with $days handling days THEN it should ship by $expected ($why)", ({ placed, days, expected }) => {
    expect(handlingDeadline(new Date(placed), days, [1, 2, 3, 4, 5]).toISOString()).toBe(new Date(expected).toISOString());
  });
});
