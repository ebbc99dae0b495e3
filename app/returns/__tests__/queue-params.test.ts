import { describe, expect, it } from "vitest";
import { queueSearch } from "../queue-params";

describe("queueSearch", () => {
  it.each([
    [{}, undefined, ""],
    [{ status: "requested", reason: "", from: "2026-11-01" }, undefined, "?status=requested&from=2026-11-01"],
    [{ outcome: "refund", period: "90", after: "old", host: "abc" }, { after: "next" }, "?outcome=refund&period=90&after=next"],
    [{ to: "2026-11-30" }, { before: "prev" }, "?to=2026-11-30&before=prev"],
    [{ status: "open" }, { after: null, before: null }, "?status=open"],
  ])("GIVEN filters %j and page %j THEN the URL keeps the filters and names only the new page: %s", (filters, page, expected) => {
    expect(queueSearch(filters, page)).toBe(expected);
  });
});
