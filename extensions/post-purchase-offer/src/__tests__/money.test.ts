import { describe, expect, it } from "vitest";
import { addAmounts } from "../money";

describe("addAmounts", () => {
  it.each([
    [["2.10", "0.62"], "2.72"],
    [["0.1", "0.2"], "0.3"],
    [["19.99", "0.005"], "19.995"],
    [[], "0"],
    [["5", "-7.50"], "-2.50"],
    [["123456789012345678.01", "0.99"], "123456789012345679.00"],
  ])("GIVEN %j WHEN added THEN the exact sum is %s", (amounts, sum) => {
    expect(addAmounts(amounts)).toBe(sum);
  });
});
