import { describe, expect, it } from "vitest";
import { NotFoundError } from "~/errors";
import { assertLookupId, containsNul, withoutControlCharacters } from "../text";

describe("text input that PostgreSQL could not store", () => {
  it("GIVEN an id with a NUL WHEN looked up THEN it is not found, without a query", () => {
    expect(() => assertLookupId("Return", "abc\0")).toThrow(NotFoundError);
    expect(() => assertLookupId("Return", "abc")).not.toThrow();
  });

  it("GIVEN text WHEN checked THEN only a NUL counts", () => {
    expect(containsNul("a\0b")).toBe(true);
    expect(containsNul("a\nb\t")).toBe(false);
  });

  it("GIVEN a shopper's note with control characters WHEN cleaned THEN newlines and tabs stay and the rest go", () => {
    expect(withoutControlCharacters("line 1\r\nline\u00002\u0007\tend\u007f")).toBe("line 1\r\nline2\tend");
  });
});
