import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { loadSchema } from "../../../sim/graphql/schema";
import { SHOP_DETAILS_QUERY } from "../shop-details.server";

describe("SHOP_DETAILS_QUERY", () => {
  it("GIVEN the vendored Admin 2026-07 schema WHEN the query is validated THEN it has no errors", () => {
    expect(validate(loadSchema(), parse(SHOP_DETAILS_QUERY)).map((error) => error.message)).toEqual([]);
  });
});
