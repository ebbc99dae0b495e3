import { describe, expect, it } from "vitest";
import { abTestVerdict, type ArmCounts, DEFAULT_AB_POLICY, offerPerformance, twoProportionZTest } from "../stats";

const arm = (label: string, conversions: number, impressions: number): ArmCounts => ({ label, impressions, conversions });

describe("twoProportionZTest", () => {
  // Expected values computed independently with SciPy 1.17: pooled z, p = 2·norm.sf(|z|), and the unpooled
  // (Wald) interval p2 − p1 ± norm.ppf(1 − α/2)·√(p1q1/n1 + p2q2/n2). The first row also equals Pearson's
  // chi-square without continuity correction (scipy chi2_contingency: χ² = 7.16846 = z², same p).
  it.each<[string, ArmCounts, ArmCounts, number, number, number, number, number]>([
    ["20% vs 25% of 1,000 each", arm("A", 200, 1000), arm("B", 250, 1000), 0.95, 2.677397763008329, 0.007419649261025687, 0.01346362168753984, 0.08653637831246014],
    ["10% vs 10.5% of 1,000 each", arm("A", 100, 1000), arm("B", 105, 1000), 0.95, 0.3686174115717622, 0.7124129155997545, -0.021584438804255437, 0.03158443880425542],
    ["unequal arms, 9% of 500 vs 11.7% of 600", arm("A", 45, 500), arm("B", 70, 600), 0.95, 1.4393243303946186, 0.1500586524781426, -0.009236495817257613, 0.06256982915059095],
    ["the same at 90% confidence", arm("A", 45, 500), arm("B", 70, 600), 0.9, 1.4393243303946186, 0.1500586524781426, -0.0034642171131031227, 0.056797550446436466],
    ["treatment worse, 15% vs 12% of 2,000", arm("A", 300, 2000), arm("B", 240, 2000), 0.95, -2.7761716615534295, 0.005500315922190029, -0.05115944294049114, -0.008840557059508859],
  ])("GIVEN %s WHEN tested THEN z, p and the interval match the reference", (_label, control, treatment, confidence, z, p, low, high) => {
    const test = twoProportionZTest(control, treatment, confidence);
    expect(test.z).toBeCloseTo(z, 9);
    expect(test.pValue).toBeCloseTo(p, 9);
    expect(test.confidenceInterval.low).toBeCloseTo(low, 9);
    expect(test.confidenceInterval.high).toBeCloseTo(high, 9);
    expect(test.difference).toBeCloseTo(treatment.conversions / treatment.impressions - control.conversions / control.impressions, 12);
  });

  it("GIVEN 20% vs 25% WHEN tested THEN the relative lift is 25%", () => {
    expect(twoProportionZTest(arm("A", 200, 1000), arm("B", 250, 1000)).relativeLift).toBeCloseTo(0.25, 12);
  });

  it.each<[string, ArmCounts, ArmCounts]>([
    ["nobody converted anywhere", arm("A", 0, 300), arm("B", 0, 300)],
    ["everybody converted everywhere", arm("A", 300, 300), arm("B", 300, 300)],
  ])("GIVEN %s WHEN tested THEN there is no evidence of a difference (z 0, p 1)", (_label, control, treatment) => {
    expect(twoProportionZTest(control, treatment)).toMatchObject({ z: 0, pValue: 1, difference: 0 });
  });

  it("GIVEN a control that never converted WHEN tested THEN the relative lift is undefined, not infinite", () => {
    expect(twoProportionZTest(arm("A", 0, 500), arm("B", 20, 500)).relativeLift).toBeNull();
  });

  it.each<[string, ArmCounts]>([
    ["no views", arm("A", 0, 0)],
    ["more accepts than views", arm("A", 11, 10)],
    ["fractional counts", arm("A", 1.5, 10)],
    ["negative accepts", arm("A", -1, 10)],
  ])("GIVEN an arm with %s WHEN tested THEN RangeError", (_label, bad) => {
    expect(() => twoProportionZTest(bad, arm("B", 1, 10))).toThrow(RangeError);
  });
});

describe("abTestVerdict", () => {
  it.each<[string, ArmCounts, ArmCounts, string]>([
    ["a big gap on too few views", arm("A", 10, 150), arm("B", 40, 150), "collecting_data"],
    ["enough views but too few accepts", arm("A", 5, 5000), arm("B", 9, 5000), "collecting_data"],
    ["a significant rise", arm("A", 200, 1000), arm("B", 250, 1000), "treatment_wins"],
    ["a significant drop", arm("A", 300, 2000), arm("B", 240, 2000), "control_wins"],
    ["a gap chance explains", arm("A", 45, 500), arm("B", 70, 600), "no_clear_winner"],
  ])("GIVEN %s WHEN judged THEN the verdict is %s", (_label, control, treatment, verdict) => {
    expect(abTestVerdict(control, treatment).verdict).toBe(verdict);
  });

  it("GIVEN a winner WHEN judged THEN the merchant reads rates, the interval, the p-value and the winner in plain words", () => {
    const result = abTestVerdict(arm("Version A", 200, 1000), arm("Version B", 250, 1000));
    expect(result.explanation).toBe(
      "Version B was accepted by 25.0% of shoppers who saw it, Version A by 20.0% (a difference of +5.0 percentage points; " +
        "we are 95% confident the true difference lies between +1.3 percentage points and +8.7 percentage points). " +
        "If both versions really performed the same, a gap this large would appear by chance 0.7% of the time (p = 0.007). " +
        "That is unlikely to be luck, so Version B is the winner.",
    );
  });

  it("GIVEN too little data WHEN judged THEN no test is run and the minimum sample is explained", () => {
    const result = abTestVerdict(arm("Version A", 12, 250), arm("Version B", 3, 90));
    expect(result.test).toBeNull();
    expect(result.explanation).toContain(`at least ${DEFAULT_AB_POLICY.minImpressionsPerArm} views and ${DEFAULT_AB_POLICY.minConversionsPerArm} accepts`);
    expect(result.explanation).toContain("Version B has 90 views and 3 accepts");
    expect(result.explanation).not.toContain("Version A has");
  });

  it("GIVEN a stricter policy WHEN a 95%-significant result is judged at 99% THEN there is no clear winner yet", () => {
    const policy = { ...DEFAULT_AB_POLICY, confidence: 0.99 };
    // p = 0.0074 < 0.01 is significant at 99%; 45/500 vs 70/600 (p = 0.15) is not even at 95%.
    expect(abTestVerdict(arm("A", 200, 1000), arm("B", 250, 1000), policy).verdict).toBe("treatment_wins");
    expect(abTestVerdict(arm("A", 100, 1000), arm("B", 130, 1000), policy).verdict).toBe("no_clear_winner"); // p ≈ 0.035
  });
});

describe("offerPerformance", () => {
  it.each<[string, string, number, string]>([
    ["USD", "100.00", 3, "33.33"], // 33.333…
    ["USD", "200.00", 3, "66.67"], // 66.666… rounds half up
    ["USD", "0.05", 10, "0.01"], // half a cent rounds up
    ["JPY", "1000", 3, "333"],
    ["EUR", "0.00", 50, "0.00"],
    ["USD", "500.00", 0, "0.00"], // never shown
  ])("GIVEN %s %s of revenue over %d views WHEN measured THEN revenue per view is %s", (currencyCode, revenue, impressions, perView) => {
    expect(offerPerformance({ impressions, accepts: 0, declines: 0, revenue, currencyCode }).revenuePerImpression).toEqual({
      amount: perView,
      currencyCode,
    });
  });

  it("GIVEN views, accepts and declines WHEN measured THEN the rates are shares of views", () => {
    const performance = offerPerformance({ impressions: 400, accepts: 30, declines: 250, revenue: "600.00", currencyCode: "USD" });
    expect([performance.acceptRate, performance.declineRate]).toEqual([0.075, 0.625]);
  });
});
