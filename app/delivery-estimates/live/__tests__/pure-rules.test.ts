import { describe, expect, it } from "vitest";
import { orderPromises, promiseToShow, type StoredPromise } from "../order-promises";
import { basisKeyOf, planPromises, promisesCurrentFor, type PlannedParcel, type ShownParcel } from "../promise-plan";
import { indexQuotes, lookUpQuote } from "../quote-lookup";
import { usualOrigins, variantGid } from "../variant-origin";

const AT = new Date("2026-07-15T09:00:00Z");
const LATER = new Date("2026-07-17T09:00:00Z");
const order = { id: "o1", processedAt: AT, cancelledAt: null, shippingCountry: "DE", shippingProvince: "BE", shippingZip: "10115" };
const parcel = (overrides: Partial<PlannedParcel> = {}): PlannedParcel => ({
  shipmentId: "s1",
  locationId: null,
  carrier: "dhl",
  service: null,
  handedOffAt: AT,
  status: "in_transit",
  statusAt: AT,
  ...overrides,
});

describe("planPromises", () => {
  it.each([
    ["an unshipped order", [], new Set<string>(), ["purchase"]],
    ["a parcel just handed off", [parcel()], new Set<string>(), ["handoff:s1"]],
    ["a parcel with a later carrier event", [parcel({ status: "delayed", statusAt: LATER })], new Set(["handoff:s1"]), [basisKeyOf.event("s1", "delayed", LATER)]],
    ["a delivered parcel", [parcel({ status: "delivered", statusAt: LATER })], new Set<string>(), []],
    ["a parcel whose promises are all made", [parcel({ status: "out_for_delivery", statusAt: LATER })], new Set(["handoff:s1", basisKeyOf.event("s1", "out_for_delivery", LATER)]), []],
  ])("GIVEN %s WHEN planned THEN the bases to promise are %j", (_, parcels, made, expected) => {
    expect(planPromises(order, parcels, made, LATER).map((item) => item.basisKey)).toEqual(expected);
  });

  it("GIVEN a promise learned of late WHEN planned THEN it is made at the moment we learn, never before its basis", () => {
    const [item] = planPromises(order, [parcel()], new Set(), LATER);
    expect(item!.request).toMatchObject({ stage: "handoff", handedOffAt: AT, at: LATER });
  });
});

describe("promisesCurrentFor", () => {
  const shown = (overrides: Partial<ShownParcel> = {}): ShownParcel => ({ id: "s1", status: "in_transit", statusAt: LATER, shippedAt: AT, ...overrides });
  const event = basisKeyOf.event("s1", "in_transit", LATER);
  it.each([
    ["an unshipped order with its purchase promise", [], new Set(["purchase"]), true],
    ["an unshipped order without promises", [], new Set<string>(), false],
    ["an order shown without parcels that shipped at once", [], new Set(["handoff:s1"]), true],
    ["a parcel without its hand-off promise", [shown({ statusAt: AT })], new Set<string>(), false],
    ["a parcel with its hand-off and latest event promises", [shown()], new Set(["handoff:s1", event]), true],
    ["a parcel whose latest carrier event has no promise yet", [shown({ status: "out_for_delivery" })], new Set(["handoff:s1", event]), false],
    ["a parcel whose event is its hand-off", [shown({ statusAt: AT })], new Set(["handoff:s1"]), true],
    ["a parcel whose hand-off time only the fulfillment knows", [shown({ shippedAt: null })], new Set(["handoff:s1"]), false],
    ["a parcel in a status without event promises", [shown({ status: "picked_up" })], new Set(["handoff:s1"]), true],
    ["a delivered parcel (nothing shown)", [shown({ status: "delivered" })], new Set<string>(), true],
    ["two parcels, one behind", [shown(), shown({ id: "s2" })], new Set(["handoff:s1", event, "handoff:s2"]), false],
  ])("GIVEN %s WHEN asked THEN current is %s", (_, parcels, made, expected) => {
    expect(promisesCurrentFor(parcels as ShownParcel[], made)).toBe(expected);
  });

  it.each([
    ["just handed off", [parcel()], new Set<string>()],
    ["past a carrier event", [parcel({ status: "delayed", statusAt: LATER })], new Set(["handoff:s1"])],
    ["unshipped", [], new Set<string>()],
  ])("GIVEN an order %s WHEN what planPromises makes is stored THEN its promises are current", (_, parcels, made) => {
    const stored = new Set([...made, ...planPromises(order, parcels, made, LATER).map((item) => item.basisKey)]);
    const asShown = parcels.map((one) => ({ id: one.shipmentId, status: one.status, statusAt: one.statusAt, shippedAt: one.handedOffAt }));
    expect(promisesCurrentFor(asShown, made)).toBe(false);
    expect(promisesCurrentFor(asShown, stored)).toBe(true);
  });
});

describe("promiseToShow", () => {
  const row = (overrides: Partial<StoredPromise>): StoredPromise => ({ orderId: "o1", shipmentId: null, stage: "purchase", basisKey: "purchase", promisedDate: "2026-07-20", earliestDate: "2026-07-18", madeAt: AT, ...overrides });
  const promises = orderPromises([
    row({}),
    row({ shipmentId: "s1", stage: "event", basisKey: "event:s1", promisedDate: "2026-07-22", madeAt: LATER }),
    row({ shipmentId: "s1", stage: "handoff", basisKey: "handoff:s1", promisedDate: "2026-07-19", madeAt: new Date("2026-07-16T09:00:00Z") }),
  ]);

  it.each([
    ["the order before it ships", null, { earliestDate: "2026-07-18", promisedDate: "2026-07-20" }],
    ["a parcel on its way: its newest promise", { id: "s1", status: "delayed" }, { earliestDate: "2026-07-18", promisedDate: "2026-07-22" }],
    ["a parcel without its own promise yet: the purchase promise", { id: "s2", status: "in_transit" }, { earliestDate: "2026-07-18", promisedDate: "2026-07-20" }],
    ["a delivered parcel: none", { id: "s1", status: "delivered" }, null],
  ])("GIVEN %s WHEN shown THEN %j", (_, subject, expected) => {
    expect(promiseToShow(promises, subject)).toEqual(expected);
  });
});

describe("lookUpQuote", () => {
  const index = indexQuotes([
    { country: "DE", region: "", earliestDate: "2026-07-17", promisedDate: "2026-07-20" },
    { country: "DE", region: "BY", earliestDate: "2026-07-18", promisedDate: "2026-07-21" },
  ]);

  it.each([
    ["a region with its own quote", { country: "de", region: "BY" }, "2026-07-21"],
    ["a region without one", { country: "DE", region: "HH" }, "2026-07-20"],
    ["another country", { country: "FR" }, null],
  ])("GIVEN %s WHEN looked up THEN the promised date is %s", (_, destination, expected) => {
    expect(lookUpQuote(index, destination, "2026-07-15")?.promisedDate ?? null).toBe(expected);
  });

  it("GIVEN a quote whose promised date is today or past WHEN looked up THEN there is none (a stale precompute never promises the past)", () => {
    expect(lookUpQuote(index, { country: "DE" }, "2026-07-20")).toBeNull();
  });
});

describe("lookUpQuote from a variant's location", () => {
  const index = indexQuotes([
    { country: "DE", region: "", earliestDate: "2026-07-17", promisedDate: "2026-07-20" },
    { country: "DE", region: "BY", earliestDate: "2026-07-18", promisedDate: "2026-07-21" },
    { originId: "gid://shopify/Location/2", country: "DE", region: "", earliestDate: "2026-07-22", promisedDate: "2026-07-24" },
  ]);

  it.each([
    ["its location's country quote (no region quote there)", { country: "DE", region: "BY" }, "gid://shopify/Location/2", "2026-07-24"],
    ["a location without quotes (the whole history answers)", { country: "DE", region: "BY" }, "gid://shopify/Location/9", "2026-07-21"],
    ["no location (a variant we never shipped)", { country: "DE" }, null, "2026-07-20"],
    ["a country its location never shipped to", { country: "FR" }, "gid://shopify/Location/2", null],
  ])("GIVEN %s WHEN looked up THEN the promised date is %s", (_, destination, originId, expected) => {
    expect(lookUpQuote(index, destination, "2026-07-15", originId)?.promisedDate ?? null).toBe(expected);
  });
});

describe("usualOrigins", () => {
  it("GIVEN fulfilled lines WHEN summarised THEN each variant gets the location that shipped it most, ties going to the first location by id", () => {
    const rows = [
      { variantId: "v1", originId: "L2" },
      { variantId: "v1", originId: "L1" },
      { variantId: "v1", originId: "L2" },
      { variantId: "v2", originId: "L3" },
      { variantId: "v2", originId: "L1" },
    ];
    expect(usualOrigins(rows)).toEqual([
      { variantId: "v1", originId: "L2", parcels: 2 },
      { variantId: "v2", originId: "L1", parcels: 1 },
    ]);
  });

  it.each([
    ["44012345678901", "gid://shopify/ProductVariant/44012345678901"],
    ["gid://shopify/ProductVariant/7", "gid://shopify/ProductVariant/7"],
  ])("GIVEN the storefront's variant %s THEN it is looked up as %s", (variant, expected) => {
    expect(variantGid(variant)).toBe(expected);
  });
});
