import { describe, expect, it } from "vitest";
import { logNormalPmf } from "../distribution";
import { placePromise } from "../promise-rule";

const quantile = { kind: "quantile" } as const;
const marginal = { kind: "marginal", baseDensity: 0.02, floorLevel: 0.8 } as const;

describe("promise rule", () => {
  it.each([
    { target: 0.5, stringency: 0, atLeast: 0.5 },
    { target: 0.93, stringency: 0, atLeast: 0.93 },
    { target: 0.93, stringency: 1, atLeast: 1 - 0.07 / Math.E },
  ])("GIVEN target $target and stringency $stringency WHEN using the quantile rule THEN the promise covers at least $atLeast", ({ target, stringency, atLeast }) => {
    const point = placePromise(logNormalPmf(6, 0.5, 60), quantile, target, stringency, 0.995);
    expect(point.onTimeProbability).toBeGreaterThanOrEqual(atLeast - 1e-9);
  });

  it("GIVEN a steady lane and an erratic one WHEN using the marginal rule THEN the steady lane gets the higher on-time chance", () => {
    const steady = placePromise(logNormalPmf(4, 0.2, 60), marginal, 0.93, 0, 0.995);
    const erratic = placePromise(logNormalPmf(10, 0.9, 60), marginal, 0.93, 0, 0.995);

    expect(steady.onTimeProbability).toBeGreaterThan(erratic.onTimeProbability);
    expect(erratic.onTimeProbability).toBeGreaterThanOrEqual(0.8);
  });

  it("GIVEN a thin history with a lone late spike WHEN using the marginal rule THEN the promise does not jump to the spike", () => {
    const pmf = new Float64Array(40);
    pmf[3] = 0.5;
    pmf[4] = 0.44;
    pmf[30] = 0.06;
    expect(placePromise(pmf, marginal, 0.93, 0, 0.995).workingDays).toBe(4);
  });
});
