import { Session } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as orderStatusLoader } from "~/routes/api.order-status";
import { loader as homeLoader } from "~/routes/app._index";
import { loader as shipmentLoader } from "~/routes/app.shipments.$id";
import { loader as shipmentsLoader } from "~/routes/app.shipments._index";
import { loader as appLayoutLoader } from "~/routes/app";
import { loader as authLoader } from "~/routes/auth.$";
import { embeddedRequest, signSessionToken } from "~/routes/__tests__/embedded-request";
import { ALPHA, seedOrder } from "~/shipments/__tests__/fixtures";
import { sessionStorage } from "~/shopify.server";
import { useTestDatabase } from "~/test/database";
import { answerOf } from "./answer";
import { INJECTION_STRINGS } from "./hostile-strings";
import { badAdminTokenArbitrary, badToken, badTokenArbitrary, hs256Token } from "./tokens";

const database = useTestDatabase();
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

type Transport = "header" | "query";
/** What the library answers a refused token: App Bridge retries a fetch (401); a document load is bounced (302). */
const refusal = (transport: Transport) => (transport === "header" ? 401 : 302);
const ADMIN_ROUTES = [
  { name: "app", path: "/app", load: (request: Request) => appLayoutLoader(args(request)), expected: refusal },
  { name: "app._index", path: "/app", load: (request: Request) => homeLoader(args(request)), expected: refusal },
  { name: "app.shipments._index", path: "/app/shipments", load: (request: Request) => shipmentsLoader(args(request)), expected: refusal },
  { name: "app.shipments.$id", path: "/app/shipments/1", load: (request: Request) => shipmentLoader(args(request, { id: "1" })), expected: refusal },
  // The bounce page itself: the library serves its static App Bridge page whatever the token.
  { name: "auth.$ (session-token bounce)", path: "/auth/session-token", load: (request: Request) => authLoader(args(request)), expected: () => 200 },
  { name: "auth.$ (other auth path)", path: "/auth/callback", load: (request: Request) => authLoader(args(request)), expected: refusal },
];

function customerRequest(token: string, orderId: string): Request {
  const url = new URL("/api/order-status", process.env.SHOPIFY_APP_URL);
  url.searchParams.set("orderId", orderId);
  return new Request(url, { headers: { Origin: "https://extensions.shopifycdn.com", Authorization: `Bearer ${token}` } });
}

beforeAll(async () => {
  setAbstractFetchFunc(async (input) => {
    throw new Error(`unexpected outbound fetch to ${String(input instanceof Request ? input.url : input)}`);
  });
  await sessionStorage.storeSession(new Session({ id: `offline_${ALPHA}`, shop: ALPHA, state: "", isOnline: false, scope: "read_orders", accessToken: "shpat_alpha" }));
  await seedOrder(database.get().prisma, ALPHA, 3001, { customerId: "gid://shopify/Customer/501" });
});

describe("admin routes under rejected session tokens", () => {
  it.each(ADMIN_ROUTES)("GIVEN a garbage, forged, expired, other-app, wrong-audience, alg-none or tampered token WHEN $name loads THEN the library refuses it, never 5xx", async ({ path, load, expected }) => {
    await fc.assert(
      fc.asyncProperty(badAdminTokenArbitrary, fc.constantFrom<Transport>("header", "query"), async ([kind, garbage], transport) => {
        const token = await badToken(kind, `https://${ALPHA}`, garbage);

        const response = await answerOf(() => load(embeddedRequest(path, token, transport, ALPHA)));

        expect(response.status).toBe(expected(transport));
      }),
      { numRuns: 20 },
    );
  });
});

describe("api.order-status under rejected customer-account tokens", () => {
  it("GIVEN a garbage, forged, expired, other-app, alg-none or tampered token WHEN the block asks for an order THEN 401 and no order", async () => {
    await fc.assert(
      fc.asyncProperty(badTokenArbitrary, async ([kind, garbage]) => {
        const token = await badToken(kind, ALPHA, garbage);

        const response = await answerOf(() => orderStatusLoader(args(customerRequest(token, "gid://shopify/Order/3001"))));

        expect(response.status).toBe(401);
      }),
      { numRuns: 60 },
    );
  });

  it("GIVEN validly signed tokens with arbitrary dest, sub and order ids WHEN the block asks THEN it never answers 5xx nor another shop's order", async () => {
    const hostile = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom(...INJECTION_STRINGS));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(hostile, fc.constant("beta.myshopify.com"), fc.constant("https://beta.myshopify.com")),
        fc.oneof(hostile, fc.constant("gid://shopify/Customer/501")),
        fc.oneof(hostile, fc.constant("gid://shopify/Order/3001")),
        async (dest, sub, orderId) => {
          const token = await hs256Token({ dest, aud: process.env.SHOPIFY_API_KEY!, sub, expiresIn: 60 }, process.env.SHOPIFY_API_SECRET!);

          const response = await answerOf(() => orderStatusLoader(args(customerRequest(token, orderId))));

          // ALPHA's order 3001 belongs to customer 501; no token here names ALPHA, so it is never found.
          expect([400, 401, 404, 422]).toContain(response.status);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("app.shipments.$id under arbitrary ids", () => {
  it("GIVEN an arbitrary id in the URL WHEN the detail loads THEN it is a 404, never 5xx", async () => {
    const token = await signSessionToken({ shop: ALPHA, expiresIn: 600 });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom(...INJECTION_STRINGS)), async (id) => {
        const response = await answerOf(() => shipmentLoader(args(embeddedRequest(`/app/shipments/${encodeURIComponent(id)}`, token, "header", ALPHA), { id })));

        expect(response.status).toBe(404);
      }),
      { numRuns: 60 },
    );
  });
});

describe("app.shipments._index under arbitrary URL parameters", () => {
  it.each(["q", "carrier"])("GIVEN a NUL character in ?%s= WHEN the list loads THEN 422 (PostgreSQL text cannot hold NUL)", async (param) => {
    const token = await signSessionToken({ shop: ALPHA });

    const response = await answerOf(() => shipmentsLoader(args(embeddedRequest(`/app/shipments?${param}=a%00b`, token, "header", ALPHA))));

    expect(response.status).toBe(422);
  });

  it("GIVEN arbitrary filter, search, sort and cursor parameters WHEN the list loads THEN it is 200 or 422, never 5xx", async () => {
    const value = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...INJECTION_STRINGS, "in_transit", "delivered", "-1", "9999999999999999999", "2026-13-45"));
    const key = fc.constantFrom("status", "q", "search", "sort", "after", "before", "carrier", "delayed", "attention", "shippedFrom", "shippedTo", "shipped_from", "unknown");
    const token = await signSessionToken({ shop: ALPHA, expiresIn: 600 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, value), { maxLength: 6 }), async (pairs) => {
        const search = new URLSearchParams(pairs).toString();

        const response = await answerOf(() => shipmentsLoader(args(embeddedRequest(`/app/shipments?${search}`, token, "header", ALPHA))));

        expect([200, 422]).toContain(response.status);
      }),
      { numRuns: 80 },
    );
  });
});
