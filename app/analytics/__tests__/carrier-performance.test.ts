import { describe, expect, it } from "vitest";
import { performanceRows, transitDistributions, type ParcelRecord } from "../carrier-performance";
import { MIN_DELIVERED, recommendCarriers } from "../carrier-recommendation";

const HANDED = new Date("2026-10-05T15:00:00Z");
const DAY = 86_400_000;

function parcel(overrides: Partial<ParcelRecord> & { transit?: number | null } = {}): ParcelRecord {
  const { transit = 3, ...rest } = overrides;
  const handedOffAt = rest.handedOffAt ?? HANDED;
  return {
    carrier: "UPS",
    service: "Ground",
    lane: "US-CA",
    handedOffAt,
    deliveredAt: transit === null ? null : new Date(handedOffAt.getTime() + transit * DAY),
    promisedDate: null,
    hadException: false,
    shippingCost: null,
    ...rest,
  };
}

const times = (count: number, make: (index: number) => ParcelRecord) => Array.from({ length: count }, (_, index) => make(index));

describe("performanceRows", () => {
  it("GIVEN parcels of one service WHEN grouped by service THEN on time counts only promised deliveries, transit is in calendar days and exceptions are a share of all parcels", () => {
    const records = [
      parcel({ transit: 2, promisedDate: "2026-10-08" }), // delivered 10-07: on time
      parcel({ transit: 4, promisedDate: "2026-10-08" }), // delivered 10-09: late
      parcel({ transit: 3 }), // no promise: not judged
      parcel({ transit: null, hadException: true }), // still moving, with an exception
    ];

    expect(performanceRows(records, "service")).toEqual([
      { carrier: "UPS", service: "Ground", group: null, parcels: 4, delivered: 3, onTimeRate: 0.5, promisedDelivered: 2, medianTransitDays: 3, p90TransitDays: 4, exceptionRate: 0.25 },
    ]);
  });

  it.each([
    ["lane", ["US-CA", "US-NY"]],
    ["month", ["2026-09", "2026-10"]],
  ] as const)("GIVEN parcels to two %ss WHEN grouped so THEN there is a row per service and group", (by, groups) => {
    const records = [parcel(), parcel(), parcel({ lane: "US-NY", handedOffAt: new Date("2026-09-30T10:00:00Z") })];
    expect(performanceRows(records, by).map((row) => [row.group, row.parcels])).toEqual([
      [groups[by === "lane" ? 0 : 1], 2],
      [groups[by === "lane" ? 1 : 0], 1],
    ]);
  });

  it("GIVEN no promise at all WHEN summarised THEN the on-time rate is unknown, not zero", () => {
    expect(performanceRows([parcel()], "service")[0]!.onTimeRate).toBeNull();
  });
});

describe("transitDistributions", () => {
  it("GIVEN transits of 0, 2 and 14 days WHEN bucketed THEN long ones fall in 10+ and parcels in transit are left out", () => {
    const [distribution] = transitDistributions([parcel({ transit: 0 }), parcel({ transit: 2 }), parcel({ transit: 14 }), parcel({ transit: null })]);
    expect(distribution!.buckets.filter((bucket) => bucket.parcels)).toEqual([
      { days: "0", parcels: 1 },
      { days: "2", parcels: 1 },
      { days: "10+", parcels: 1 },
    ]);
  });
});

describe("recommendCarriers", () => {
  it("GIVEN a fast reliable service and a slow one to the same destination WHEN ranked THEN the fast one wins, with its evidence", () => {
    const fast = times(6, () => parcel({ carrier: "UPS", transit: 2, promisedDate: "2026-10-08" }));
    const slow = times(6, (index) => parcel({ carrier: "USPS", service: "Priority", transit: 5, promisedDate: "2026-10-08", hadException: index === 0 }));

    const [recommendation] = recommendCarriers([...slow, ...fast]);

    expect(recommendation!.lane).toBe("US-CA");
    expect(recommendation!.criteria).toEqual(["speed", "reliability"]);
    expect(recommendation!.options.map((option) => [option.carrier, option.score])).toEqual([
      ["UPS", 1],
      ["USPS", 0],
    ]);
    expect(recommendation!.options[0]).toMatchObject({ delivered: 6, medianTransitDays: 2, reliability: 1, reliabilityBasis: "on-time rate", exceptionRate: 0, medianCost: null });
    expect(recommendation!.options[1]).toMatchObject({ reliability: 0, exceptionRate: 0.167 });
  });

  it("GIVEN equal speed and reliability but cost data for every option WHEN ranked THEN the cheaper one wins on cost", () => {
    const cheap = times(5, () => parcel({ carrier: "DHL", shippingCost: "4.90" }));
    const dear = times(5, () => parcel({ carrier: "FedEx", shippingCost: "12.00" }));

    const [recommendation] = recommendCarriers([...dear, ...cheap]);

    expect(recommendation!.criteria).toEqual(["speed", "reliability", "cost"]);
    expect(recommendation!.options.map((option) => [option.carrier, option.medianCost])).toEqual([
      ["DHL", "4.90"],
      ["FedEx", "12.00"],
    ]);
  });

  it("GIVEN a fast but dear option, a day slower but cheap one and a slow one WHEN ranked on cost too THEN the median charge and its parcel count are the evidence, and cost tips the ranking", () => {
    const fastDear = times(6, (index) => parcel({ carrier: "FedEx", transit: 2, shippingCost: index < 5 ? "25.00" : null }));
    const slowerCheap = times(6, () => parcel({ carrier: "DHL", transit: 3, shippingCost: "4.00" }));
    const slow = times(6, () => parcel({ carrier: "Post", transit: 6, shippingCost: "4.00" }));

    const [recommendation] = recommendCarriers([...fastDear, ...slowerCheap, ...slow]);

    expect(recommendation!.criteria).toEqual(["speed", "reliability", "cost"]);
    expect(recommendation!.options.map((option) => [option.carrier, option.medianCost, option.costParcels])).toEqual([
      ["DHL", "4.00", 6],
      ["FedEx", "25.00", 5],
      ["Post", "4.00", 6],
    ]);
    const withoutCost = recommendCarriers([...fastDear, ...slowerCheap, ...slow].map((record) => ({ ...record, shippingCost: null })));
    expect(withoutCost[0]!.options[0]!.carrier).toBe("FedEx");
  });

  it(`GIVEN an option with fewer than ${MIN_DELIVERED} known charges WHEN ranked THEN cost is left out for the destination rather than guessed`, () => {
    const known = times(6, () => parcel({ carrier: "DHL", shippingCost: "4.00" }));
    const mostlyUnknown = times(6, (index) => parcel({ carrier: "FedEx", shippingCost: index < MIN_DELIVERED - 1 ? "9.00" : null }));

    const [recommendation] = recommendCarriers([...known, ...mostlyUnknown]);

    expect(recommendation!.criteria).toEqual(["speed", "reliability"]);
    expect(recommendation!.options.find((option) => option.carrier === "FedEx")).toMatchObject({ medianCost: null, costParcels: MIN_DELIVERED - 1 });
  });

  it(`GIVEN fewer than ${MIN_DELIVERED} deliveries of a service to a destination WHEN ranked THEN it is not an option there`, () => {
    const records = [...times(MIN_DELIVERED, () => parcel({ carrier: "UPS" })), ...times(MIN_DELIVERED - 1, () => parcel({ carrier: "USPS", transit: 1 }))];
    expect(recommendCarriers(records)[0]!.options.map((option) => option.carrier)).toEqual(["UPS"]);
  });
});
