import { afterEach, describe, expect, it, vi } from "vitest";
import { checkHealth } from "~/analytics/health.server";
import type { DbClient } from "~/db.server";

const clientAnswering = (queryRaw: () => Promise<unknown>) => ({ $queryRaw: queryRaw }) as unknown as DbClient;

afterEach(() => vi.useRealTimers());

describe("checkHealth", () => {
  it("GIVEN a database that refuses connections WHEN probed THEN it reports the database unreachable", async () => {
    const health = await checkHealth(clientAnswering(() => Promise.reject(new Error("ECONNREFUSED"))));

    expect(health).toEqual({ status: "degraded", database: "unreachable" });
  });

  it("GIVEN a database that never answers WHEN probed THEN it gives up after two seconds", async () => {
    vi.useFakeTimers();
    const probe = checkHealth(clientAnswering(() => new Promise(() => {})));

    await vi.advanceTimersByTimeAsync(2_000);

    await expect(probe).resolves.toEqual({ status: "degraded", database: "unreachable" });
  });
});
