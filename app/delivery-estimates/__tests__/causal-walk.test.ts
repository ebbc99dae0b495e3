import { describe, expect, it } from "vitest";
import { walkCausally, type WalkPromise } from "../evaluation/causal-walk";
import type { OlistOrder } from "../evaluation/olist-order";

const DAY = 86_400_000;
const STATES = ["SP", "RJ", "MG", "BA"] as const;

/** A deterministic pseudo-random history of Olist-like orders. */
function syntheticOrders(count: number): OlistOrder[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const first = Date.parse("2017-03-01T12:00:00Z");
  return Array.from({ length: count }, (_, i) => {
    const purchasedAt = new Date(first + i * 0.6 * DAY + random() * 8 * 3_600_000);
    const handedOffAt = new Date(purchasedAt.getTime() + (0.5 + random() * 4) * DAY);
    const deliveredAt = new Date(handedOffAt.getTime() + (2 + random() * 12 + (i % 4) * 2) * DAY);
    const canceled = i % 37 === 0;
    return {
      orderId: `order-${i}`,
      status: canceled ? "canceled" : "delivered",
      purchasedAt,
      handedOffAt: canceled ? null : handedOffAt,
      deliveredAt: canceled ? null : deliveredAt,
      olistEstimatedDate: new Date(purchasedAt.getTime() + 25 * DAY).toISOString().slice(0, 10),
      facts: {
        originId: `seller-${i % 7}`,
        origin: { country: "BR", region: STATES[i % 2]! },
        destination: { country: "BR", region: STATES[i % 4]!, postalCode: `${10_000 + (i % 9) * 1_000}` },
      },
    };
  });
}

function promisesOf(train: OlistOrder[], test: OlistOrder[]): Map<string, { madeAt: number; promisedDate: string }> {
  const made = new Map<string, { madeAt: number; promisedDate: string }>();
  const record = (promise: WalkPromise) => {
    const madeAt = (promise.stage === "purchase" ? promise.order.purchasedAt : promise.order.handedOffAt!).getTime();
    made.set(`${promise.order.orderId}/${promise.stage}`, { madeAt, promisedDate: promise.estimate.promisedDate });
  };
  walkCausally({ train, test, onPromise: record });
  return made;
}

describe("causal walk", () => {
  const orders = syntheticOrders(400);
  const testFrom = Date.parse("2017-06-01T00:00:00Z");
  const train = orders.filter((order) => order.purchasedAt.getTime() < testFrom);
  const test = orders.filter((order) => order.purchasedAt.getTime() >= testFrom);

  it("GIVEN later deliveries rewritten and the input shuffled WHEN walking again THEN every promise made before them is unchanged", () => {
    const cutoff = Date.parse("2017-07-01T00:00:00Z");
    const shift = (date: Date | null, days: number) => (date && date.getTime() > cutoff ? new Date(date.getTime() + days * DAY) : date);
    const rewrite = (order: OlistOrder): OlistOrder => ({ ...order, handedOffAt: shift(order.handedOffAt, 2), deliveredAt: shift(order.deliveredAt, 9) });

    const original = promisesOf(train, test);
    const rewritten = promisesOf(train.map(rewrite).reverse(), test.map(rewrite).reverse());

    const before = [...original].filter(([, promise]) => promise.madeAt < cutoff);
    expect(before.length).toBeGreaterThan(200);
    for (const [key, promise] of before) expect(rewritten.get(key)?.promisedDate, key).toBe(promise.promisedDate);
    const after = [...original].filter(([, promise]) => promise.madeAt >= cutoff);
    expect(after.some(([key, promise]) => rewritten.get(key)?.promisedDate !== promise.promisedDate)).toBe(true);
  });

  it("GIVEN train and test orders WHEN walking THEN only delivered test orders are scored, with Olist's estimate on the same orders", () => {
    const report = walkCausally({ train, test });
    const delivered = test.filter((order) => order.deliveredAt);

    expect(report.orders).toBe(delivered.length);
    expect(report.purchase.olist.onTimeRate).toBe(1);
    expect(report.purchase.onTimeRate).toBeGreaterThan(0.8);
    expect(report.handoff.meanSlackDays).toBeLessThan(report.purchase.olist.meanSlackDays);
  });
});
