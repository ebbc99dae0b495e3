import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ConflictError,
  InvalidInputError,
  MalformedPayloadError,
  NotFoundError,
  PayloadTooLargeError,
  ShopNotInstalledError,
  ShopifyApiError,
  ShopifyUserErrorsError,
  UnauthenticatedError,
  httpStatusOf,
  throwIfUserErrors,
} from "../errors";
import { ExpiredPostPurchaseTokenError, InvalidPostPurchaseTokenError } from "../offers/token-errors";

describe("httpStatusOf", () => {
  it.each([
    [new NotFoundError("Order", "gid://shopify/Order/1"), 404],
    [new InvalidInputError({ email: ["is invalid"] }), 422],
    [new ShopifyUserErrorsError([{ field: ["input"], message: "is invalid" }]), 422],
    [new ConflictError("already approved"), 409],
    [new PayloadTooLargeError(10), 413],
    [new MalformedPayloadError("not JSON"), 400],
    [new ShopNotInstalledError("a.myshopify.com"), 403],
    [new ShopifyApiError("throttled"), 502],
    [new UnauthenticatedError("token expired"), 401],
    [new InvalidPostPurchaseTokenError("forged"), 401],
    [new ExpiredPostPurchaseTokenError("expired"), 401],
    [new Error("boom"), 500],
    ["a string", 500],
  ])("GIVEN %o WHEN mapped THEN %i", (error, status) => {
    expect(httpStatusOf(error)).toBe(status);
  });
});

describe("InvalidInputError.fromZod", () => {
  it("GIVEN a zod failure on nested fields WHEN converted THEN messages are keyed by dotted path", () => {
    const result = z.object({ branding: z.object({ color: z.string() }), days: z.number() }).safeParse({ branding: {}, days: "x" });

    const error = InvalidInputError.fromZod(result.error!);

    expect(Object.keys(error.fieldErrors).sort()).toEqual(["branding.color", "days"]);
  });
});

describe("throwIfUserErrors", () => {
  it.each([[undefined], [null], [[]]])("GIVEN no user errors (%o) WHEN checked THEN nothing is thrown", (userErrors) => {
    expect(() => throwIfUserErrors(userErrors)).not.toThrow();
  });

  it("GIVEN user errors WHEN checked THEN ShopifyUserErrorsError carries them", () => {
    expect(() => throwIfUserErrors([{ field: ["title"], message: "Title can't be blank" }])).toThrow(ShopifyUserErrorsError);
  });
});
