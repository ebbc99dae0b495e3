import { GraphqlQueryError, HttpThrottlingError } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ShopifyUserErrorsError } from "~/errors";
import { adminGraphql, ShopifyGraphqlError, throwIfUserErrors, type AdminGraphqlClient } from "../admin-graphql.server";

const QUERY = `#graphql
  query ShopName { shop { name } }`;
const shopSchema = z.object({ shop: z.object({ name: z.string() }) });

function answering(response: Response | (() => never)): AdminGraphqlClient & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    calls,
    graphql: async (query, options) => {
      calls.push({ query, options });
      if (typeof response === "function") return response();
      return response;
    },
  };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

async function failure(admin: AdminGraphqlClient): Promise<ShopifyGraphqlError> {
  const error = await adminGraphql(admin, QUERY, {}, shopSchema).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ShopifyGraphqlError);
  return error as ShopifyGraphqlError;
}

describe("adminGraphql", () => {
  it("GIVEN a successful answer WHEN called THEN it sends the variables and returns data parsed by the schema", async () => {
    const admin = answering(json({ data: { shop: { name: "Bäckerei ☕", extra: true } }, extensions: {} }));

    const data = await adminGraphql(admin, QUERY, { first: 50 }, shopSchema);

    expect(data).toEqual({ shop: { name: "Bäckerei ☕" } });
    expect(admin.calls).toEqual([{ query: QUERY, options: { variables: { first: 50 } } }]);
  });

  it.each([
    ["top-level errors", json({ errors: [{ message: "Field 'nope' doesn't exist on type 'Shop'", extensions: { code: "undefinedField" } }] }), false, /Field 'nope' doesn't exist.*undefinedField/],
    ["throttling", json({ errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }] }), true, /throttled/],
    ["HTTP 429", new Response("Too Many Requests", { status: 429 }), true, /HTTP 429/],
    ["HTTP 503", new Response("", { status: 503 }), true, /HTTP 503/],
    ["HTTP 401", new Response("Invalid API key or access token", { status: 401 }), false, /HTTP 401/],
    ["data of another shape", json({ data: { shop: { name: 42 } } }), false, /unexpected shape.*shop\.name/s],
    ["a body that is not GraphQL", new Response("[1,2]", { status: 200 }), false, /not a GraphQL response/],
  ])("GIVEN %s WHEN called THEN it throws ShopifyGraphqlError (retryable: %s)", async (_case, response, retryable, message) => {
    const error = await failure(answering(response));

    expect(error.retryable).toBe(retryable);
    expect(error.message).toMatch(message);
  });

  it("GIVEN the library throws GraphqlQueryError for a throttled query THEN the error is retryable and keeps the code", async () => {
    const thrown = new GraphqlQueryError({
      message: "Throttled",
      response: {} as Record<string, unknown>,
      body: { errors: { graphQLErrors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }] } } as never,
    });

    const error = await failure(answering(() => { throw thrown; }));

    expect(error).toMatchObject({ retryable: true, errors: [{ message: "Throttled", code: "THROTTLED" }] });
  });

  it.each([
    ["HttpThrottlingError", () => new HttpThrottlingError({ message: "Shopify is throttling requests", code: 429, statusText: "Too Many Requests", retryAfter: 2 }), true],
    ["a thrown 403 Response (authenticate.admin)", () => new Response("{}", { status: 403 }), false],
    ["a network failure", () => new TypeError("fetch failed"), true],
  ])("GIVEN the library throws %s THEN it becomes ShopifyGraphqlError (retryable: %s)", async (_case, make, retryable) => {
    const error = await failure(answering(() => { throw make(); }));

    expect(error.retryable).toBe(retryable);
  });
});

describe("throwIfUserErrors", () => {
  it("GIVEN no user errors THEN it returns", () => {
    expect(() => throwIfUserErrors([])).not.toThrow();
  });

  it("GIVEN user errors THEN it throws them typed", () => {
    expect(() => throwIfUserErrors([{ field: ["input", "id"], message: "Order does not exist" }])).toThrow(ShopifyUserErrorsError);
  });
});
