import { describe, expect, it } from "vitest";
import { logNormalPmf } from "../distribution";
import { epochDayOf } from "../local-date";
import { placePromise, type PromiseRule } from "../promise-rule";
import { promiseSteps } from "../promise-steps";
import { createWindowCalibration } from "../window-calibration";
import { createWorkingCalendar } from "../working-calendar";

const calendar = createWorkingCalendar({ country: "BR" });
const quantileRule: PromiseRule = { kind: "quantile" };
// Lanes with a median of 3 to 6 working days, so that promises under a knob do not all step on the same day.
const medians = [3, 4, 5, 6];
const pmfs = medians.map((median) => logNormalPmf(median, 0.8, 31));
const target = 0.9;

describe("promise steps", () => {
  it.each([
    { rule: quantileRule, median: 4, logSd: 0.5 },
    { rule: { kind: "marginal", baseDensity: 0.02, floorLevel: 0.8 } as const, median: 4, logSd: 0.5 },
    { rule: { kind: "marginal", baseDensity: 0.02, floorLevel: 0.8 } as const, median: 9, logSd: 1.1 },
  ])("GIVEN a distribution and the $rule.kind rule WHEN the knob sweeps ±3 THEN the steps give placePromise's working days", ({ rule, median, logSd }) => {
    const distribution = logNormalPmf(median, logSd, 91);
    const steps = promiseSteps(distribution, rule, target, 0.995, 3);
    for (let s = -3; s <= 3; s += 0.01) {
      const expected = placePromise(distribution, rule, target, s, 0.995).workingDays;
      expect(steps.lowest + steps.thresholds.filter((threshold) => threshold <= s).length).toBe(expected);
    }
  });
});

/** A day-by-day run: each working day opens `perDay` promises made at knob as solved that morning. */
function simulate(halfLifeDays: number) {
  const calibration = createWindowCalibration({ halfLifeDays, limit: 3, gridStep: 0.02, priorWeight: 0, rule: quantileRule, maxLevel: 0.995 });
  let day = epochDayOf("2017-03-01");
  let count = 0;
  const deliveries = new Map<number, string[]>();
  const outcomes = { onTime: 0, count: 0 };
  return {
    calibration,
    outcomes,
    get day() {
      return day;
    },
    /** Moves to the next working day: solves the knob and delivers what lands, day by day. */
    nextDay() {
      const next = calendar.nextWorkingDay(day + 1);
      // As the estimator does: the knob is solved when a day starts, then that day's deliveries land.
      for (let d = day + 1; d <= next; d++) {
        calibration.tracker.advanceTo(d);
        calibration.relaxTo(d);
        for (const id of deliveries.get(d) ?? []) calibration.tracker.delivered(id, d);
        deliveries.delete(d);
      }
      day = next;
    },
    /** Opens promises today whose parcels take `transit(i)` working days (null: not delivered for now). */
    open(perDay: number, transit: (i: number) => number | null): number[] {
      const promisedDays: number[] = [];
      for (let i = 0; i < perDay; i++) {
        const id = `s${count++}`;
        const pmf = pmfs[i % pmfs.length]!;
        const workingDays = placePromise(pmf, quantileRule, target, calibration.stringencyFor("purchase"), 0.995).workingDays;
        const promised = calendar.addWorkingDays(day, workingDays);
        promisedDays.push(promised);
        calibration.tracker.open(id, { segment: "purchase", target, calendar, start: day, promised, workingDays }, pmf);
        const days = transit(i);
        if (days !== null) {
          const landing = calendar.addWorkingDays(day, days);
          deliveries.set(landing, [...(deliveries.get(landing) ?? []), id]);
          outcomes.count++;
          if (landing <= promised) outcomes.onTime++;
        }
      }
      return promisedDays;
    },
  };
}

// Delivered at the lane's median −1 … +2 working days: about what its distribution says, under its 90% quantile.
const usual = (i: number) => medians[i % medians.length]! + [-1, 0, 0, 1, 2][Math.floor(i / medians.length) % 5]!;

describe("window calibration", () => {
  it("GIVEN parcels that stop arriving WHEN days pass THEN the knob rises before any of their promised dates passes", () => {
    const run = simulate(3);
    for (let d = 0; d < 30; d++) {
      run.open(20, usual);
      run.nextDay();
    }
    const calm = run.calibration.stringencyFor("purchase");
    const promisedInTheBacklog: number[] = [];
    for (let d = 0; d < 7; d++) {
      promisedInTheBacklog.push(...run.open(20, () => null));
      run.nextDay();
    }

    expect(run.day).toBeLessThanOrEqual(Math.min(...promisedInTheBacklog));
    expect(run.calibration.stringencyFor("purchase")).toBeGreaterThan(calm + 0.2);
  });

  it("GIVEN parcels that suddenly arrive in half the time WHEN days pass THEN the knob falls within the window", () => {
    const run = simulate(3);
    for (let d = 0; d < 30; d++) {
      run.open(20, usual);
      run.nextDay();
    }
    const calm = run.calibration.stringencyFor("purchase");
    for (let d = 0; d < 10; d++) {
      run.open(20, (i) => Math.max(1, Math.round(usual(i) / 2)));
      run.nextDay();
    }

    expect(run.calibration.stringencyFor("purchase")).toBeLessThan(calm - 0.3);
  });

  it("GIVEN parcels delivered as their distribution says WHEN promising at the solved knob THEN about the target share is on time", () => {
    const run = simulate(3);
    // Each lane's parcels delivered at working days 0…30 in proportion to its own distribution.
    const cumulative = pmfs.map((pmf) => Array.from(pmf, (_, k) => pmf.slice(0, k + 1).reduce((a, b) => a + b, 0)));
    const asPredicted = (i: number) => cumulative[i % pmfs.length]!.findIndex((c) => c >= ((Math.floor(i / pmfs.length) % 25) + 0.5) / 25);
    for (let d = 0; d < 40; d++) {
      run.open(100, asPredicted);
      run.nextDay();
    }
    // Promises are whole days: at knob 0 they would be kept 92% of the time, so the knob settles a little below 0.
    expect(run.outcomes.onTime / run.outcomes.count).toBeGreaterThan(target - 0.02);
    expect(run.outcomes.onTime / run.outcomes.count).toBeLessThan(target + 0.02);
    expect(run.calibration.stringencyFor("purchase")).toBeLessThan(0);
  });
});
