import { describe, expect, it } from "vitest";
import { loader } from "~/routes/healthz";
import { useTestDatabase } from "~/test/database";

useTestDatabase();

describe("healthz loader", () => {
  it("GIVEN a reachable database WHEN probed without auth THEN it answers 200 with the database reachable", async () => {
    const response = await loader();

    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: "reachable" });
  });
});
