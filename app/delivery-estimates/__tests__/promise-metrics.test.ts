import { describe, expect, it } from "vitest";
import { createPromiseTally } from "../evaluation/promise-metrics";

describe("promise metrics", () => {
  it.each([
    { case: "all early", pairs: [[10, 7], [10, 9]], figures: { onTimeRate: 1, meanSlackDays: 2, medianSlackDays: 2 } },
    { case: "on the day counts as on time", pairs: [[10, 10]], figures: { onTimeRate: 1, meanSlackDays: 0, medianSlackDays: 0 } },
    { case: "a late one counts negative slack", pairs: [[10, 12], [10, 4], [10, 8]], figures: { onTimeRate: 0.6667, meanSlackDays: 2, medianSlackDays: 2 } },
    { case: "nothing to score", pairs: [], figures: { onTimeRate: 0, meanSlackDays: 0, medianSlackDays: 0 } },
  ])("GIVEN $case WHEN tallied THEN the figures follow the issue's definitions", ({ pairs, figures }) => {
    const tally = createPromiseTally();
    for (const [promised, delivered] of pairs) tally.add(promised!, delivered!);
    expect(tally.figures()).toEqual(figures);
  });
});
