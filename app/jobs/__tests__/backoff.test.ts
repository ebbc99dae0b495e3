import { describe, expect, it } from "vitest";
import { DEFAULT_BACKOFF, retryDelayMs } from "../backoff";

const policy = { baseMs: 1_000, maxMs: 60_000 };

describe("retryDelayMs", () => {
  it.each([
    { attempt: 1, least: 500, most: 1_000 },
    { attempt: 2, least: 1_000, most: 2_000 },
    { attempt: 3, least: 2_000, most: 4_000 },
    { attempt: 6, least: 16_000, most: 32_000 },
    { attempt: 7, least: 30_000, most: 60_000 },
    { attempt: 30, least: 30_000, most: 60_000 },
  ])("GIVEN failed attempt $attempt WHEN jitter is lowest/highest THEN waits $least..$most ms", ({ attempt, least, most }) => {
    expect(retryDelayMs(attempt, () => 0, policy)).toBe(least);
    expect(retryDelayMs(attempt, () => 1, policy)).toBe(most);
  });

  it("GIVEN the same attempt WHEN jitter differs THEN the delays differ (failures that happened together spread out)", () => {
    expect(retryDelayMs(3, () => 0.1, policy)).not.toBe(retryDelayMs(3, () => 0.9, policy));
  });

  it("GIVEN the default policy WHEN the attempts run out THEN no wait exceeds an hour", () => {
    expect(retryDelayMs(100, () => 1)).toBe(DEFAULT_BACKOFF.maxMs);
    expect(DEFAULT_BACKOFF.maxMs).toBe(3_600_000);
  });
});
