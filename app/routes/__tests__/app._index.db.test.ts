import { Session } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { beforeAll, describe, expect, it } from "vitest";
import { daysBefore, seedOrder, seedShipment } from "~/analytics/__tests__/overview-fixtures";
import { SHOPIFY_APP_BRIDGE_URL } from "~/admin/app-bridge.server";
import { loader as appLoader } from "~/routes/app";
import { loader as homeLoader } from "~/routes/app._index";
import { sessionStorage } from "~/shopify.server";
import { useTestDatabase } from "~/test/database";
import { embeddedRequest, signSessionToken, type TokenTransport } from "./embedded-request";

const ALPHA = "alpha.myshopify.com";
const BETA = "beta.myshopify.com";
const TRANSPORTS: TokenTransport[] = ["header", "query"];

const database = useTestDatabase();

beforeAll(async () => {
  // A stored offline session means no token exchange: any call to Shopify would be a bug in the test or the app.
  setAbstractFetchFunc(async (input) => {
    throw new Error(`unexpected outbound fetch to ${String(input instanceof Request ? input.url : input)}`);
  });
  for (const shop of [ALPHA, BETA]) {
    await sessionStorage.storeSession(
      new Session({ id: `offline_${shop}`, shop, state: "", isOnline: false, scope: "read_orders", accessToken: `shpat_${shop}` }),
    );
  }
  const client = database.get().prisma;
  const now = new Date();
  await seedOrder(client, ALPHA, 1001, { processedAt: daysBefore(now, 1), fulfillmentStatus: "fulfilled" });
  await seedOrder(client, ALPHA, 1002, { processedAt: daysBefore(now, 2), fulfillmentStatus: null });
  await seedShipment(client, ALPHA, 1001, { status: "in_transit", statusAt: daysBefore(now, 1) });
});

const args = (request: Request) => ({ request, params: {}, context: {} });

/** What a loader threw (the library answers auth failures by throwing a Response). */
async function thrownBy(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
  throw new Error("expected the loader to throw a Response");
}

describe("app._index loader", () => {
  it.each(TRANSPORTS)("GIVEN a valid session token in the %s WHEN the home page loads THEN it shows the shop's own overview", async (transport) => {
    const token = await signSessionToken({ shop: ALPHA });

    const { overview } = await homeLoader(args(embeddedRequest("/app", token, transport, ALPHA)));

    expect(overview.orders).toMatchObject({ total: 2, fulfilled: 1, unfulfilled: 1 });
    expect(overview.recentOrders.map((order) => order.name)).toEqual(["#1001", "#1002"]);
    expect(overview.shipments.byStatus.in_transit).toBe(1);
    expect(overview.isEmpty).toBe(false);
  });

  it.each(TRANSPORTS)("GIVEN shop B's token in the %s naming shop A in ?shop= WHEN the home page loads THEN it never sees shop A's data", async (transport) => {
    const token = await signSessionToken({ shop: BETA });

    const { overview } = await homeLoader(args(embeddedRequest("/app", token, transport, ALPHA)));

    expect(overview.orders.total).toBe(0);
    expect(overview.shipments.total).toBe(0);
    expect(overview.recentOrders).toEqual([]);
    expect(overview.isEmpty).toBe(true);
  });

  const badTokens = [
    ["forged with another secret", { shop: ALPHA, secret: "not-the-app-secret" }],
    ["expired", { shop: ALPHA, expiresIn: -60 }],
    ["issued to another app", { shop: ALPHA, audience: "another-app-client-id" }],
  ] as const;

  it.each(badTokens)("GIVEN a token %s in the Authorization header WHEN the home page loads THEN it answers 401 asking App Bridge to retry", async (_, options) => {
    const token = await signSessionToken(options);

    const response = await thrownBy(homeLoader(args(embeddedRequest("/app", token, "header", ALPHA))));

    expect(response.status).toBe(401);
    expect(response.headers.get("X-Shopify-Retry-Invalid-Session-Request")).toBe("1");
  });

  it.each(badTokens)("GIVEN a token %s in ?id_token= WHEN the page document loads THEN it redirects to the bounce page for a fresh token", async (_, options) => {
    const token = await signSessionToken(options);

    const response = await thrownBy(homeLoader(args(embeddedRequest("/app", token, "query", ALPHA))));

    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("Location")!, "http://app");
    expect(location.pathname).toBe("/auth/session-token");
    expect(location.searchParams.get("id_token")).toBeNull();
    expect(location.searchParams.get("shopify-reload")).toMatch(/\/app\?/);
  });

  it("GIVEN no session token and no embedded params WHEN the home page loads THEN it is sent to the login page", async () => {
    const response = await thrownBy(homeLoader(args(new Request(`${process.env.SHOPIFY_APP_URL}/app`))));

    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/auth/login");
  });
});

describe("app layout loader", () => {
  it("GIVEN a valid session token WHEN the layout loads THEN it hands the client id and App Bridge URL to the page", async () => {
    const token = await signSessionToken({ shop: ALPHA });

    const result = await appLoader(args(embeddedRequest("/app", token, "header", ALPHA)));

    expect(result).toEqual({ apiKey: process.env.SHOPIFY_API_KEY, appBridgeUrl: SHOPIFY_APP_BRIDGE_URL });
  });

  it("GIVEN a forged token WHEN the layout loads THEN it is rejected like every admin page", async () => {
    const token = await signSessionToken({ shop: ALPHA, secret: "not-the-app-secret" });

    const response = await thrownBy(appLoader(args(embeddedRequest("/app", token, "header", ALPHA))));

    expect(response.status).toBe(401);
  });
});
