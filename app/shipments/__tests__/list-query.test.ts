import { describe, expect, it } from "vitest";
import { InvalidInputError } from "~/errors";
import { encodeCursor } from "../cursor";
import { listSearch, NO_FILTERS } from "../list-params";
import { parseShipmentListQuery } from "../list-query";

const parse = (search: string) => parseShipmentListQuery(new URLSearchParams(search));

function fieldErrorsOf(search: string): Record<string, string[]> {
  try {
    parse(search);
  } catch (error) {
    if (error instanceof InvalidInputError) return error.fieldErrors;
    throw error;
  }
  throw new Error(`expected ${search} to be rejected`);
}

describe("parseShipmentListQuery", () => {
  it("GIVEN Shopify's embedded parameters only WHEN parsed THEN it is the unfiltered list, newest activity first", () => {
    expect(parse("embedded=1&shop=a.myshopify.com&host=abc&id_token=x")).toEqual({ ...NO_FILTERS, after: null, before: null });
  });

  it("GIVEN every filter WHEN parsed THEN each is read, statuses deduplicated", () => {
    const cursor = { lastEventAt: new Date("2026-03-01T00:00:00.000Z"), id: "cm1" };

    const query = parse(`status=delivered&status=delivered,delayed&carrier=UPS&delayed=1&attention=true&shipped_from=2026-03-01&shipped_to=2026-03-02&q=%20%231001%20&sort=activity_asc&after=${encodeCursor(cursor)}`);

    expect(query).toEqual({
      statuses: ["delivered", "delayed"],
      carrier: "UPS",
      delayed: true,
      attention: true,
      shippedFrom: "2026-03-01",
      shippedTo: "2026-03-02",
      search: "#1001",
      sort: "activity_asc",
      after: cursor,
      before: null,
    });
  });

  it.each([
    ["an unknown status", "status=teleported", "status"],
    ["a hostile status", "status=<script>alert(1)</script>", "status"],
    ["a date that is not one", "shipped_from=yesterday", "shipped_from"],
    ["an impossible date", "shipped_to=2026-02-31", "shipped_to"],
    ["a range ending before it starts", "shipped_from=2026-03-02&shipped_to=2026-03-01", "shipped_to"],
    ["an unknown sort", "sort=price", "sort"],
    ["a forged cursor", "after=eyJub3QiOiJ0aGlzIn0", "after"],
    ["cursor garbage", "before=%%%", "before"],
    ["both cursors", `after=${encodeCursor({ lastEventAt: null, id: "a" })}&before=${encodeCursor({ lastEventAt: null, id: "b" })}`, "before"],
    ["a search far too long", `q=${"x".repeat(500)}`, "q"],
    ["a flag with another value", "delayed=yes", "delayed"],
  ])("GIVEN %s WHEN parsed THEN it is rejected naming the parameter", (_, search, parameter) => {
    expect(Object.keys(fieldErrorsOf(search))).toEqual([parameter]);
  });
});

describe("listSearch", () => {
  it("GIVEN parsed filters WHEN written back to a URL and parsed again THEN nothing is lost", () => {
    const query = parse("status=delivered&status=delayed&carrier=Royal Mail&delayed=1&shipped_from=2026-03-01&q=%231001&sort=activity_asc");

    expect(parse(listSearch(query).slice(1))).toEqual(query);
  });

  it("GIVEN no filters WHEN written THEN the URL has no search at all", () => {
    expect(listSearch(NO_FILTERS)).toBe("");
  });
});
