import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createEstimator } from "../estimator";
import { epochDayOf } from "../local-date";
import { brazil, lane, noon, replay, weekdayOfIso } from "./synthetic";

const workingDaysBetween = (from: string, to: string) => brazil.elapsedWorkingDays(epochDayOf(from), epochDayOf(to));

describe("estimator: weekends and holidays", () => {
  const estimator = createEstimator();
  replay(estimator, [{ facts: lane("SP", "SP"), from: "2017-08-01", count: 60, handlingWorkingDays: 1, transitWorkingDays: 2 }]);

  it("GIVEN a lane that always takes 2 working days WHEN handed off the day before a holiday THEN the promise skips it and says so", () => {
    const estimate = estimator.promise({ stage: "handoff", facts: lane("SP", "SP"), handedOffAt: noon("2017-11-14") });

    expect(estimate.promisedDate).toBe("2017-11-17"); // Wed 15 Nov is Proclamação da República
    expect(estimate.explanation.workingDays).toBe(2);
    expect(estimate.explanation.skippedDates).toContainEqual({ date: "2017-11-15", reason: "holiday" });
    expect(estimate.explanation.summary).toContain("skipping holidays 2017-11-15");
  });

  it.each(["2017-11-06", "2017-11-07", "2017-11-08", "2017-11-09", "2017-11-10", "2017-11-11", "2017-11-12"])(
    "GIVEN hand-off on %s WHEN promising THEN the date is a working day",
    (handoff) => {
      const estimate = estimator.promise({ stage: "handoff", facts: lane("SP", "SP"), handedOffAt: noon(handoff) });
      expect([0, 6]).not.toContain(weekdayOfIso(estimate.promisedDate));
      expect(brazil.isWorkingDay(epochDayOf(estimate.promisedDate))).toBe(true);
    },
  );

  it("GIVEN a purchase WHEN promising THEN handling and transit add up and the range ends at the promise", () => {
    const estimate = estimator.promise({ stage: "purchase", facts: lane("SP", "SP"), placedAt: noon("2017-11-06") });

    expect(estimate.promisedDate).toBe("2017-11-09"); // 1 working day handling + 2 transit
    expect(estimate.latest).toBe(estimate.promisedDate);
    expect(estimate.earliest <= estimate.promisedDate).toBe(true);
    expect(estimate.explanation.handling?.medianWorkingDays).toBe(1);
    expect(estimate.explanation.transit?.medianWorkingDays).toBe(2);
  });
});

describe("estimator: sparse lanes fall back to broader history", () => {
  const estimator = createEstimator();
  replay(estimator, [
    { facts: lane("SP", "RJ"), from: "2017-06-01", count: 80, handlingWorkingDays: 1, transitWorkingDays: 6 },
    { facts: lane("MG", "RJ"), from: "2017-09-20", count: 1, handlingWorkingDays: 1, transitWorkingDays: 1, idPrefix: "mg" },
  ]);

  it("GIVEN one delivery on a lane WHEN promising on it THEN the destination's history decides, not that one parcel", () => {
    const estimate = estimator.promise({ stage: "handoff", facts: lane("MG", "RJ"), handedOffAt: noon("2017-10-16") });

    expect(estimate.explanation.transit?.decidingSegment).toBe("destination region");
    expect(estimate.explanation.workingDays).toBeGreaterThanOrEqual(5);
    const laneEvidence = estimate.explanation.transit?.basis.find((level) => level.name === "lane");
    expect(laneEvidence?.shipments).toBe(1);
  });

  it("GIVEN a lane with plenty of history WHEN promising on it THEN its own history decides", () => {
    const estimate = estimator.promise({ stage: "handoff", facts: lane("SP", "RJ"), handedOffAt: noon("2017-10-16") });

    expect(["lane", "lane to postal area"]).toContain(estimate.explanation.transit?.decidingSegment);
    expect(estimate.explanation.workingDays).toBe(6);
  });

  it("GIVEN no history at all WHEN promising THEN the carrier default decides", () => {
    const estimate = createEstimator().promise({ stage: "handoff", facts: lane("SP", "AM"), handedOffAt: noon("2017-10-16") });

    expect(estimate.explanation.transit?.decidingSegment).toBe("default");
    expect(estimate.explanation.transit?.defaultShare).toBe(1);
  });
});

describe("estimator: incremental training", () => {
  it("GIVEN a new lane WHEN its deliveries land THEN promises move from the default to what the lane does", () => {
    const estimator = createEstimator();
    const facts = lane("SP", "AM");
    const before = estimator.promise({ stage: "handoff", facts, handedOffAt: noon("2017-06-01") });

    replay(estimator, [{ facts, from: "2017-06-01", count: 40, handlingWorkingDays: 1, transitWorkingDays: 12 }]);
    const after = estimator.promise({ stage: "handoff", facts, handedOffAt: noon("2017-09-01") });

    expect(before.explanation.workingDays).toBeLessThan(12);
    expect(after.explanation.workingDays).toBe(12);
  });

  it("GIVEN parcels piling up undelivered WHEN promising THEN promises lengthen before any late parcel lands", () => {
    const facts = lane("SP", "SP");
    const estimator = createEstimator();
    const shiftAt = "2017-09-01";
    replay(estimator, [
      { facts, from: "2017-05-01", count: 85, handlingWorkingDays: 1, transitWorkingDays: 2, idPrefix: "calm" },
      // From the shift on, every parcel takes 10 working days; none of them lands within the next week.
      { facts, from: shiftAt, count: 5, handlingWorkingDays: 0, transitWorkingDays: 10, idPrefix: "slow" },
    ]);
    const beforeShift = createEstimator();
    replay(beforeShift, [{ facts, from: "2017-05-01", count: 85, handlingWorkingDays: 1, transitWorkingDays: 2, idPrefix: "calm" }]);

    const calm = beforeShift.promise({ stage: "handoff", facts, handedOffAt: noon("2017-09-08") });
    const backlog = estimator.promise({ stage: "handoff", facts, handedOffAt: noon("2017-09-08") });

    expect(backlog.explanation.workingDays).toBeGreaterThan(calm.explanation.workingDays);
  });
});

describe("estimator: calibration after a trend shift", () => {
  it.each([
    { mode: "window" as const, windowStages: { purchase: 0.3, handoff: 0.5 } },
    { mode: "window" as const, windowStages: { handoff: 0 } },
    { mode: "integrator" as const, windowStages: {} },
  ])("GIVEN transit slows from 3 to 8 working days WHEN the estimator keeps promising ($mode, $windowStages) THEN later promises are kept at about the target rate", (calibration) => {
    const facts = lane("SP", "MG");
    const estimator = createEstimator({ targetOnTimeRate: 0.93, calibration });
    const shiftIndex = 120;
    const transit = (i: number) => (i < shiftIndex ? 3 : 8) + (i % 5 === 0 ? 1 : 0);
    type Step = { at: Date; run: () => void };
    const steps: Step[] = [];
    const outcomes: { promised: string; delivered: string; index: number }[] = [];
    let day = epochDayOf("2017-01-02");
    for (let i = 0; i < 260; i++, day = brazil.nextWorkingDay(day + 1)) {
      const shipmentId = `s-${i}`;
      const handedOffAt = new Date(day * 86_400_000 + 10 * 3_600_000);
      const deliveredDay = brazil.addWorkingDays(day, transit(i));
      const deliveredAt = new Date(deliveredDay * 86_400_000 + 15 * 3_600_000);
      steps.push({
        at: handedOffAt,
        run: () => {
          const estimate = estimator.promise({ stage: "handoff", shipmentId, facts, handedOffAt });
          estimator.observe({ kind: "handed_off", shipmentId, facts, at: handedOffAt });
          outcomes.push({ promised: estimate.promisedDate, delivered: deliveredAt.toISOString().slice(0, 10), index: i });
        },
      });
      steps.push({ at: deliveredAt, run: () => estimator.observe({ kind: "delivered", shipmentId, facts, at: deliveredAt }) });
    }
    steps.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const step of steps) step.run();

    const settledAfterShift = outcomes.filter((outcome) => outcome.index >= shiftIndex + 40);
    const onTime = settledAfterShift.filter((outcome) => outcome.delivered <= outcome.promised).length / settledAfterShift.length;
    expect(onTime).toBeGreaterThanOrEqual(0.85);
    const lastPromise = outcomes.at(-1)!;
    expect(workingDaysBetween(lastPromise.delivered, lastPromise.promised)).toBeLessThanOrEqual(3);
  });
});

describe("estimator: carrier events", () => {
  const estimator = createEstimator();
  replay(estimator, [{ facts: lane("SP", "BA"), from: "2017-06-01", count: 60, handlingWorkingDays: 1, transitWorkingDays: 8 }]);

  it("GIVEN a parcel out for delivery WHEN promising THEN it is promised today", () => {
    const estimate = estimator.promise({ stage: "event", facts: lane("SP", "BA"), handedOffAt: noon("2017-10-02"), at: noon("2017-10-05"), status: "out_for_delivery" });
    expect(estimate.promisedDate).toBe("2017-10-05");
    expect(estimate.earliest).toBe("2017-10-05");
  });

  it("GIVEN a parcel still moving past its usual time WHEN a carrier event arrives THEN the promise is never before the event", () => {
    const estimate = estimator.promise({ stage: "event", facts: lane("SP", "BA"), handedOffAt: noon("2017-10-02"), at: noon("2017-10-20") });
    expect(estimate.promisedDate >= "2017-10-20").toBe(true);
    expect(estimate.explanation.elapsedWorkingDays).toBeGreaterThan(8);
  });
});

describe("estimator: boundaries", () => {
  it.each([
    { case: "a target of 150%", options: { targetOnTimeRate: 1.5 } },
    { case: "a negative half-life", options: { transit: { halfLifeDays: -1 } } },
    { case: "an unknown rule", options: { rule: { kind: "guess" } } },
  ])("GIVEN $case WHEN creating an estimator THEN it is rejected", ({ options }) => {
    expect(() => createEstimator(options as never)).toThrow(ZodError);
  });

  it("GIVEN a destination country that is not an ISO code WHEN promising THEN it is rejected", () => {
    const facts = { ...lane("SP", "SP"), destination: { country: "Brazil" } };
    expect(() => createEstimator().promise({ stage: "handoff", facts, handedOffAt: noon("2017-10-02") })).toThrow(ZodError);
  });
});
