import { randomUUID } from "node:crypto";
import { json, type StandInContext } from "../context.ts";
import type { RouteHandler } from "../http/router.ts";
import { executeGraphql, type GraphqlRequest } from "./executor.ts";
import { adminResolvers } from "./resolvers/index.ts";
import { loadSchema } from "./schema.ts";

const INVALID_TOKEN = { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" };

/** `POST /{shop}/admin/api/{version}/graphql.json`: Admin GraphQL behind an issued access token. */
export function adminGraphqlRoute(ctx: StandInContext): RouteHandler {
  return async (request, { shop, version }) => {
    const headers = { "X-Shopify-API-Version": version!, "X-Request-Id": randomUUID() };
    if (!ctx.store.hasShop(shop!)) return new Response("Not Found", { status: 404 });
    const state = ctx.store.state(shop!);
    const now = new Date();
    const grant = ctx.tokens.authorize(shop!, request.headers.get("x-shopify-access-token"), now);
    if (!grant || !state.shop.installed) return json(INVALID_TOKEN, 401, headers);

    let body: GraphqlRequest;
    try {
      const parsed = (await request.json()) as Partial<GraphqlRequest>;
      if (typeof parsed.query !== "string") throw new Error("missing query");
      body = parsed as GraphqlRequest;
    } catch {
      return json({ errors: { query: "Required parameter missing or invalid" } }, 400, headers);
    }
    const result = await executeGraphql(body, {
      schema: loadSchema(),
      resolvers: adminResolvers,
      throttle: ctx.throttle,
      throttleKey: `${shop}:${ctx.apiKey}`,
      context: { store: ctx.store, state, grant, now: ctx.store.clock(), searchWarnings: [] },
    });
    return json(result, 200, headers);
  };
}
