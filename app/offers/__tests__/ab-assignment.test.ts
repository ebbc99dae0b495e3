import { describe, expect, it } from "vitest";
import { assignArm, bucketOf } from "../ab-assignment";
import { type OfferArm } from "../offer-schema";

const arm = (id: string, weight: number): OfferArm => ({ id, weight });
const shoppers = Array.from({ length: 30_000 }, (_, n) => `gid://shopify/Customer/${7_000_000_000_000 + n}`);

/** Pearson's chi-square statistic of observed counts against expected shares. */
function chiSquare(observed: number[], shares: number[]): number {
  const total = observed.reduce((a, b) => a + b, 0);
  return observed.reduce((sum, count, i) => sum + (count - total * shares[i]!) ** 2 / (total * shares[i]!), 0);
}

describe("assignArm", () => {
  it("GIVEN the same offer and shopper WHEN assigned repeatedly THEN the arm never changes", () => {
    const arms = [arm("A", 1), arm("B", 1), arm("C", 1)];
    for (const shopper of shoppers.slice(0, 200)) {
      const first = assignArm(arms, "offer-1", shopper);
      for (let i = 0; i < 3; i++) expect(assignArm(arms, "offer-1", shopper)).toBe(first);
    }
  });

  it.each<[string, number[]]>([
    ["50/50", [50, 50]],
    ["10/30/60", [10, 30, 60]],
    ["1/99", [1, 99]],
    ["90/5/5", [9_000, 500, 500]],
  ])("GIVEN weights %s WHEN 30,000 shoppers are assigned THEN the split matches the weights (chi-square, p > 0.001)", (_label, weights) => {
    const arms = weights.map((weight, i) => arm(String(i), weight));
    const counts = weights.map(() => 0);
    for (const shopper of shoppers) counts[Number(assignArm(arms, "offer-1", shopper)!.id)]! += 1;
    const total = weights.reduce((a, b) => a + b, 0);
    // Critical values of chi-square at p = 0.001 for 1 and 2 degrees of freedom.
    const critical = weights.length === 2 ? 10.83 : 13.82;
    expect(chiSquare(counts, weights.map((w) => w / total))).toBeLessThan(critical);
  });

  it("GIVEN a paused arm (weight 0) WHEN shoppers are assigned THEN nobody lands in it", () => {
    const arms = [arm("A", 1), arm("paused", 0), arm("B", 1)];
    const seen = new Set(shoppers.slice(0, 2_000).map((shopper) => assignArm(arms, "offer-1", shopper)!.id));
    expect(seen).toEqual(new Set(["A", "B"]));
  });

  it.each<[string, OfferArm[]]>([
    ["no arms", []],
    ["only paused arms", [arm("A", 0), arm("B", 0)]],
  ])("GIVEN %s WHEN assigned THEN there is no arm", (_label, arms) => {
    expect(assignArm(arms, "offer-1", shoppers[0]!)).toBeNull();
  });

  it("GIVEN two offers WHEN the same shoppers are assigned THEN the assignments are independent", () => {
    const arms = [arm("A", 1), arm("B", 1)];
    const sample = shoppers.slice(0, 10_000);
    const same = sample.filter((s) => assignArm(arms, "offer-1", s)!.id === assignArm(arms, "offer-2", s)!.id).length;
    // Independent 50/50 coins agree half the time: 5,000 ± 4 standard deviations (50).
    expect(Math.abs(same - 5_000)).toBeLessThan(200);
  });

  it("GIVEN a new bucketing seed WHEN shoppers are assigned again THEN they are reshuffled", () => {
    const arms = [arm("A", 1), arm("B", 1)];
    const sample = shoppers.slice(0, 10_000);
    const moved = sample.filter((s) => assignArm(arms, "offer-1", s, "")!.id !== assignArm(arms, "offer-1", s, "round-2")!.id).length;
    expect(Math.abs(moved - 5_000)).toBeLessThan(200);
  });
});

describe("bucketOf", () => {
  it("GIVEN any key WHEN bucketed THEN the bucket is a whole number in range", () => {
    for (const size of [1, 2, 7, 10_000]) {
      for (const key of shoppers.slice(0, 100)) {
        const bucket = bucketOf(key, size);
        expect(Number.isInteger(bucket) && bucket >= 0 && bucket < size).toBe(true);
      }
    }
  });
});
