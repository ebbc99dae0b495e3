import { describe, expect, it } from "vitest";
import { InvalidInputError } from "~/errors";
import { type MetricCase, type MetricLine, moneyByCurrency, productReasons, ratio, reasonCounts, returnsMetrics, type ReturnsMetricsInput, timeToRefund } from "../metrics";
import { parseMetricPeriod } from "../metrics-period";

const SINCE = new Date("2026-10-27T00:00:00Z");
const UNTIL = new Date("2026-11-26T00:00:00Z");
const hoursAfter = (start: Date, hours: number) => new Date(start.getTime() + hours * 3_600_000);

function aCase(id: string, overrides: Partial<MetricCase> = {}): MetricCase {
  return {
    id,
    orderId: `gid://shopify/Order/${id}`,
    status: "processed",
    outcome: "refund",
    currency: "EUR",
    refundAmount: "0.00",
    storeCreditAmount: "0.00",
    bonusAmount: "0.00",
    exchangeValue: "0.00",
    amountDue: "0.00",
    requestedAt: new Date("2026-11-01T10:00:00Z"),
    processedAt: null,
    ...overrides,
  };
}

const line = (returnId: string, reason: string, quantity = 1, productId: string | null = "gid://shopify/Product/1", title = "Mug"): MetricLine => ({
  returnId,
  productId,
  title,
  quantity,
  reason,
});

function input(overrides: Partial<ReturnsMetricsInput> = {}): ReturnsMetricsInput {
  return {
    periodDays: 30,
    since: SINCE,
    until: UNTIL,
    cases: [],
    lines: [],
    shipped: { orders: 0, units: 0 },
    cohortOrderIds: new Set(),
    byStatus: [],
    ...overrides,
  };
}

describe("ratio", () => {
  it.each([
    [1, 4, 0.25],
    [2, 3, 0.6667],
    [0, 5, 0],
    [3, 0, null],
    [0, 0, null],
  ])("GIVEN %i of %i THEN the rate is %s", (count, of, rate) => {
    expect(ratio(count, of)).toEqual({ count, of, rate });
  });
});

describe("returnsMetrics: return rate", () => {
  it("GIVEN cases on shipped orders of the period THEN orders and units are rated against what shipped", () => {
    const cases = [aCase("a"), aCase("b", { orderId: "gid://shopify/Order/a" }), aCase("c")];
    const metrics = returnsMetrics(
      input({
        cases,
        lines: [line("a", "defective", 2), line("b", "unwanted", 1), line("c", "unwanted", 3)],
        shipped: { orders: 10, units: 40 },
        cohortOrderIds: new Set(["gid://shopify/Order/a", "gid://shopify/Order/c"]),
      }),
    );

    // Two cases on one order count that order once; its units add up.
    expect(metrics.returnRate).toEqual({ orders: { count: 2, of: 10, rate: 0.2 }, items: { count: 6, of: 40, rate: 0.15 } });
  });

  it("GIVEN a case on an order placed before the period THEN it counts for the period's cases but not its return rate", () => {
    const metrics = returnsMetrics(input({ cases: [aCase("old")], lines: [line("old", "unwanted", 2)], shipped: { orders: 5, units: 9 } }));

    expect(metrics.cases).toBe(1);
    expect(metrics.returnRate).toEqual({ orders: { count: 0, of: 5, rate: 0 }, items: { count: 0, of: 9, rate: 0 } });
  });

  it.each(["declined", "cancelled", "submitting"])("GIVEN a %s case THEN it counts nowhere", (status) => {
    const metrics = returnsMetrics(
      input({
        cases: [aCase("x", { status, refundAmount: "10.00", processedAt: new Date("2026-11-02T10:00:00Z") })],
        lines: [line("x", "defective", 1)],
        shipped: { orders: 1, units: 1 },
        cohortOrderIds: new Set(["gid://shopify/Order/x"]),
      }),
    );

    expect(metrics).toMatchObject({ cases: 0, topReasons: [], topProducts: [], money: [], timeToRefund: { cases: 0 } });
    expect(metrics.returnRate.orders).toEqual({ count: 0, of: 1, rate: 0 });
  });

  it("GIVEN nothing shipped THEN the rates are unknown, not zero", () => {
    expect(returnsMetrics(input()).returnRate).toEqual({ orders: { count: 0, of: 0, rate: null }, items: { count: 0, of: 0, rate: null } });
  });
});

describe("returnsMetrics: outcomes and exchange share", () => {
  it("GIVEN refunds, credit and exchanges THEN each outcome is counted and exchanges' share of cases is given", () => {
    const cases = [aCase("1"), aCase("2", { outcome: "exchange" }), aCase("3", { outcome: "exchange" }), aCase("4", { outcome: "store_credit" })];

    const metrics = returnsMetrics(input({ cases }));

    expect(metrics.outcomes).toEqual({ refund: 1, exchange: 2, store_credit: 1 });
    expect(metrics.exchangeShare).toEqual({ count: 2, of: 4, rate: 0.5 });
  });
});

describe("moneyByCurrency", () => {
  it("GIVEN a refund, store credit with bonus and an exchange paid on top THEN kept is the returned value that stayed", () => {
    const figures = moneyByCurrency([
      aCase("refund", { refundAmount: "30.00" }),
      // 20.00 returned as credit + 10% bonus.
      aCase("credit", { storeCreditAmount: "22.00", bonusAmount: "2.00" }),
      // 25.00 returned for 40.00 of new items: 2.50 bonus, 12.50 paid on top.
      aCase("exchange-up", { exchangeValue: "40.00", bonusAmount: "2.50", amountDue: "12.50" }),
      // 30.00 returned for 24.00 of new items, 6.00 change as credit.
      aCase("exchange-down", { exchangeValue: "24.00", storeCreditAmount: "6.00" }),
    ]);

    expect(figures).toEqual([
      {
        currency: "EUR",
        refunded: { amount: "30.00", currency: "EUR" },
        storeCredit: { amount: "28.00", currency: "EUR" },
        exchanged: { amount: "64.00", currency: "EUR" },
        bonus: { amount: "4.50", currency: "EUR" },
        kept: { amount: "75.00", currency: "EUR" },
        keptShare: round(75 / 105),
      },
    ]);
  });

  it("GIVEN cases in two currencies THEN each currency is summed on its own, never together", () => {
    const figures = moneyByCurrency([
      aCase("usd", { currency: "USD", refundAmount: "10.00" }),
      aCase("jpy", { currency: "JPY", storeCreditAmount: "1500" }),
      aCase("usd2", { currency: "USD", storeCreditAmount: "10.00" }),
    ]);

    expect(figures.map((row) => [row.currency, row.refunded.amount, row.kept.amount, row.keptShare])).toEqual([
      ["JPY", "0", "1500", 1],
      ["USD", "10.00", "10.00", 0.5],
    ]);
  });

  it("GIVEN only zero amounts THEN the kept share is unknown", () => {
    expect(moneyByCurrency([aCase("zero")])[0]?.keptShare).toBeNull();
  });
});

describe("reasonCounts / productReasons", () => {
  const lines = [
    line("a", "defective", 3, "gid://shopify/Product/1", "Mug"),
    line("a", "unwanted", 1, "gid://shopify/Product/2", "Cap"),
    line("b", "size_too_small", 2, "gid://shopify/Product/2", "Cap"),
    line("b", "unwanted", 1, null, "Gift wrap"),
    line("c", "unwanted", 1, "gid://shopify/Product/1", "Mug"),
  ];

  it("GIVEN returned lines THEN reasons are ranked by units with their share, ties by name", () => {
    expect(reasonCounts(lines, 5)).toEqual([
      { reason: "defective", units: 3, share: 0.375 },
      { reason: "unwanted", units: 3, share: 0.375 },
      { reason: "size_too_small", units: 2, share: 0.25 },
    ]);
  });

  it("GIVEN a limit THEN only the top reasons are kept", () => {
    expect(reasonCounts(lines, 1).map((row) => row.reason)).toEqual(["defective"]);
  });

  it("GIVEN lines of several products THEN products rank by units, each with its own reasons; unknown products group by title", () => {
    expect(productReasons(lines)).toEqual([
      {
        productId: "gid://shopify/Product/1",
        title: "Mug",
        units: 4,
        share: 0.5,
        reasons: [
          { reason: "defective", units: 3, share: 0.75 },
          { reason: "unwanted", units: 1, share: 0.25 },
        ],
      },
      {
        productId: "gid://shopify/Product/2",
        title: "Cap",
        units: 3,
        share: 0.375,
        reasons: [
          { reason: "size_too_small", units: 2, share: 0.6667 },
          { reason: "unwanted", units: 1, share: 0.3333 },
        ],
      },
      { productId: null, title: "Gift wrap", units: 1, share: 0.125, reasons: [{ reason: "unwanted", units: 1, share: 1 }] },
    ]);
  });

  it("GIVEN more products than shown THEN only the top five are listed", () => {
    const many = Array.from({ length: 7 }, (_, index) => line("a", "unwanted", 10 - index, `gid://shopify/Product/${index}`, `P${index}`));

    expect(productReasons(many).map((row) => row.title)).toEqual(["P0", "P1", "P2", "P3", "P4"]);
  });

  it("GIVEN no lines THEN there are no reasons", () => {
    expect(reasonCounts([], 5)).toEqual([]);
    expect(productReasons([])).toEqual([]);
  });
});

describe("timeToRefund", () => {
  const requested = new Date("2026-11-01T00:00:00Z");
  const processedAfter = (hours: number[]) => hours.map((value) => ({ requestedAt: requested, processedAt: hoursAfter(requested, value) }));

  it.each([
    [[], { cases: 0, medianHours: null, p90Hours: null }],
    [[5], { cases: 1, medianHours: 5, p90Hours: 5 }],
    [[48, 24, 72, 96], { cases: 4, medianHours: 48, p90Hours: 96 }],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 100], { cases: 10, medianHours: 5, p90Hours: 9 }],
    [[1.25], { cases: 1, medianHours: 1.3, p90Hours: 1.3 }],
  ])("GIVEN refunds after %j hours THEN median and p90 are %j (nearest rank)", (hours, expected) => {
    expect(timeToRefund(processedAfter(hours))).toEqual(expected);
  });

  it("GIVEN cases not processed yet THEN they do not count", () => {
    expect(timeToRefund([{ requestedAt: requested, processedAt: null }, ...processedAfter([10])])).toEqual({ cases: 1, medianHours: 10, p90Hours: 10 });
  });

  it("GIVEN a clock skew that puts the refund before the request THEN it counts as immediate, never negative", () => {
    expect(timeToRefund([{ requestedAt: requested, processedAt: hoursAfter(requested, -1) }]).medianHours).toBe(0);
  });
});

describe("returnsMetrics: open cases", () => {
  it("GIVEN cases by status THEN only the ones waiting on someone are open, in journey order", () => {
    const metrics = returnsMetrics(
      input({
        byStatus: [
          { status: "received", count: 1 },
          { status: "requested", count: 4 },
          { status: "closed", count: 9 },
          { status: "in_transit", count: 2 },
        ],
      }),
    );

    expect(metrics.open).toEqual({
      total: 7,
      byStatus: [
        { status: "requested", count: 4 },
        { status: "open", count: 0 },
        { status: "in_transit", count: 2 },
        { status: "received", count: 1 },
      ],
    });
  });

  it("GIVEN the period THEN it is reported as given", () => {
    expect(returnsMetrics(input({ periodDays: 90 }))).toMatchObject({ periodDays: 90, since: SINCE.toISOString(), until: UNTIL.toISOString() });
  });
});

describe("parseMetricPeriod", () => {
  it.each([
    [null, 30],
    ["", 30],
    ["30", 30],
    ["90", 90],
    ["365", 365],
  ])("GIVEN period %j THEN it is %i days", (value, days) => {
    expect(parseMetricPeriod(value)).toBe(days);
  });

  it.each(["7", "30.0", "ninety", "-30"])("GIVEN period %j THEN InvalidInputError names the period and its choices", (value) => {
    expect(() => parseMetricPeriod(value)).toThrow(InvalidInputError);
    try {
      parseMetricPeriod(value);
    } catch (error) {
      expect((error as InvalidInputError).fieldErrors).toEqual({ period: ["must be one of 30, 90, 365 (days)"] });
    }
  });
});

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
