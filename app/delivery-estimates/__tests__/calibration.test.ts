import { describe, expect, it } from "vitest";
import { createStringencyCalibrator } from "../calibration";
import { epochDayOf } from "../local-date";
import { createPromiseTracker } from "../promise-tracker";
import { createWorkingCalendar } from "../working-calendar";

const calendar = createWorkingCalendar({ country: "BR" });
const slowOnly = { slowRate: 1, fastRate: 0, dailyRelaxation: 0, limit: 10 };
// 2 to 5 working days, equally likely: a promise at 3 working days is kept with chance 0.5.
const pmf = Float64Array.from([0, 0, 0.25, 0.25, 0.25, 0.25]);
const start = epochDayOf("2017-10-02"); // a Monday
const promised = epochDayOf("2017-10-05"); // 3 working days later

describe("promise tracker and calibration", () => {
  it.each([
    { case: "delivered on the promised day", deliveredOn: "2017-10-05", outcome: 0 },
    { case: "delivered the day after", deliveredOn: "2017-10-06", outcome: 1 },
  ])("GIVEN a promise $case WHEN it settles THEN the knob moved by exactly outcome − target miss rate", ({ deliveredOn, outcome }) => {
    const calibrator = createStringencyCalibrator(slowOnly);
    const tracker = createPromiseTracker(calibrator);
    tracker.open("s1", { segment: "handoff", target: 0.9, calendar, start, promised, workingDays: 3 }, pmf);

    for (const day of ["2017-10-03", "2017-10-04", "2017-10-05"]) tracker.advanceTo(epochDayOf(day));
    if (outcome === 1) tracker.advanceTo(epochDayOf(deliveredOn)); // the date passed without a delivery
    tracker.delivered("s1", epochDayOf(deliveredOn));

    expect(calibrator.stringencyFor("handoff")).toBeCloseTo(outcome - 0.1, 10);
    expect(calibrator.settledIn("handoff")).toBe(1);
  });

  it("GIVEN a parcel still not delivered WHEN days pass THEN the knob rises before the promised date", () => {
    const calibrator = createStringencyCalibrator(slowOnly);
    const tracker = createPromiseTracker(calibrator);
    tracker.open("s1", { segment: "handoff", target: 0.9, calendar, start, promised, workingDays: 3 }, pmf);
    const atOpen = calibrator.stringencyFor("handoff");

    tracker.advanceTo(epochDayOf("2017-10-05")); // 3 working days waited: days 3…5 remain and only day 3 is on time

    expect(atOpen).toBeCloseTo(0.5 - 0.1, 10);
    expect(calibrator.stringencyFor("handoff")).toBeCloseTo(atOpen + (2 / 3 - 0.5), 10);
    expect(calibrator.settledIn("handoff")).toBe(0);
  });

  it("GIVEN a fast part WHEN days pass without evidence THEN it relaxes and the slow part stays", () => {
    const calibrator = createStringencyCalibrator({ slowRate: 0.1, fastRate: 1, dailyRelaxation: 0.5, limit: 10 });
    calibrator.relaxTo(0);
    calibrator.moved("purchase", 1, true);
    calibrator.relaxTo(2);

    expect(calibrator.stringencyFor("purchase")).toBeCloseTo(0.1 + 0.25, 10);
  });

  it("GIVEN a cancelled order WHEN it is dropped THEN its promise never settles", () => {
    const calibrator = createStringencyCalibrator(slowOnly);
    const tracker = createPromiseTracker(calibrator);
    tracker.open("s1", { segment: "handoff", target: 0.9, calendar, start, promised, workingDays: 3 }, pmf);

    tracker.drop("s1");
    tracker.advanceTo(epochDayOf("2017-10-20"));

    expect(calibrator.settledIn("handoff")).toBe(0);
  });
});
