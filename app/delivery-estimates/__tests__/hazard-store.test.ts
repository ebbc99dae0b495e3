import { describe, expect, it } from "vitest";
import { logNormalPmf, mean, quantile } from "../distribution";
import { createHazardStore, speedOf, timeScaled } from "../hazard-store";

const BINS = 91;
const longRun = logNormalPmf(8, 0.5, BINS);

/** Waiting/completed counts per day of 1,000 shipments that all followed `pmf` to the end. */
function countsOf(pmf: Float64Array): { waiting: Float64Array; completed: Float64Array } {
  const waiting = new Float64Array(BINS);
  const completed = new Float64Array(BINS);
  let still = 1000;
  for (let k = 0; k < BINS; k++) {
    waiting[k] = still;
    completed[k] = 1000 * pmf[k]!;
    still -= completed[k]!;
  }
  return { waiting, completed };
}

describe("hazard store: time scale", () => {
  it("GIVEN speed 1 WHEN scaling THEN the distribution is unchanged", () => {
    const scaled = timeScaled(longRun, 1);
    longRun.forEach((p, k) => expect(scaled[k]).toBeCloseTo(p, 12));
  });

  it.each([0.5, 0.75, 1.4])("GIVEN speed %s WHEN scaling THEN the mean scales with it and the mass stays 1", (speed) => {
    const scaled = timeScaled(longRun, speed);
    expect(scaled.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 12);
    expect(mean(scaled) / mean(longRun)).toBeCloseTo(speed, 1);
  });
});

describe("hazard store: current speed", () => {
  it.each([0.5, 0.8, 1, 1.3])("GIVEN recent shipments taking ×%s the long run WHEN estimating the speed THEN it is found within 5%", (truth) => {
    const { waiting, completed } = countsOf(timeScaled(longRun, truth));
    expect(Math.abs(speedOf(waiting, completed, longRun, 10) / truth - 1)).toBeLessThan(0.05);
  });

  it("GIVEN a speed-up and a few parcels still stuck for weeks WHEN estimating the speed THEN the stuck ones do not veto it", () => {
    const { waiting, completed } = countsOf(timeScaled(longRun, 0.5));
    for (let k = 0; k < 60; k++) waiting[k]! += 5; // five lost parcels, waiting through day 59 and never delivered
    expect(speedOf(waiting, completed, longRun, 10)).toBeLessThan(0.6);
  });

  it("GIVEN almost no recent shipments WHEN estimating the speed THEN the prior speed holds", () => {
    const { waiting, completed } = countsOf(timeScaled(longRun, 0.5));
    const few = (counts: Float64Array) => counts.map((count) => count / 1000);
    expect(speedOf(few(waiting), few(completed), longRun, 10, 1.2)).toBeGreaterThan(1.05);
  });
});

describe("hazard store: a speed-up", () => {
  const chain = [{ name: "all shipments", key: "*" }];
  const fallback = logNormalPmf(5, 0.7, BINS);
  const SHIFT = 120;
  const NOW = SHIFT + 30;

  /** Four months of shipments taking 6–12 days, then a month of shipments taking half as long. */
  function storeWith(mode: "hazard" | "speed") {
    const store = createHazardStore({ bins: BINS, halfLifeDays: 90, priorStrength: 12, defaultStrength: 1, conditions: { halfLifeDays: 10, strength: 10, mode, speedLevels: 1 } });
    for (let start = 0; start < NOW; start++) {
      for (let i = 0; i < 3; i++) {
        const slow = 6 + ((start * 3 + i) % 7);
        const days = start < SHIFT ? slow : Math.round(slow / 2);
        const lastDay = Math.min(days, NOW - 1 - start);
        for (let k = 0; k <= lastDay; k++) store.waiting(chain, k, start + k);
        if (start + days < NOW) store.completed(chain, days, start + days);
      }
    }
    return store;
  }

  it("GIVEN shipments twice as fast for the last month WHEN blending THEN speed mode finds a speed below 1 and promises shorter than per-day ratios", () => {
    const speed = storeWith("speed").blend(chain, NOW, fallback);
    const hazard = storeWith("hazard").blend(chain, NOW, fallback);

    expect(speed.conditionsFactor).toBeLessThan(0.9);
    expect(mean(speed.pmf)).toBeLessThan(mean(hazard.pmf));
    expect(quantile(speed.pmf, 0.9)).toBeLessThanOrEqual(quantile(hazard.pmf, 0.9));
  });
});
