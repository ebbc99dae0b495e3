import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { RequestedTokenType } from "@shopify/shopify-api";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StandIn } from "../index.ts";
import { API_KEY, createSimpleCatalog, FakeApp, graphql, SHOP, shopifyLibrary, startTestStandIn } from "./helpers.ts";

let app: FakeApp;
let standIn: StandIn;

beforeAll(async () => {
  app = await new FakeApp().start();
  app.respond = (request) =>
    request.url.startsWith("/proxy") ? { status: 200, body: "<p>tracking</p>", headers: { "Content-Type": "application/liquid" } } : { status: 200 };
  standIn = await startTestStandIn(app);
  // Route the library's Shopify calls to the stand-in, as the app's fetch adapter does.
  setAbstractFetchFunc(async (input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    const target = url.hostname.endsWith(".myshopify.com") ? `${standIn.url}/${url.hostname}${url.pathname}${url.search}` : url.href;
    return fetch(target, init);
  });
});

afterAll(async () => {
  await standIn.close();
  await app.stop();
});

async function exchange(body: Record<string, string>) {
  const response = await fetch(`${standIn.url}/${SHOP}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("session tokens and token exchange", () => {
  it("GIVEN an admin session token WHEN shopify-api decodes it THEN Shopify's claims are there", async () => {
    const token = await standIn.mintSessionToken({ shop: SHOP });
    const payload = await shopifyLibrary().session.decodeSessionToken(token);
    expect(payload).toMatchObject({ iss: `https://${SHOP}/admin`, dest: `https://${SHOP}`, aud: API_KEY, sub: expect.stringMatching(/^\d+$/) });
    expect(payload.exp - payload.iat).toBe(60);
    expect(payload.jti).toBeTruthy();
    expect(payload.sid).toBeTruthy();
  });

  it("GIVEN a customer-account token WHEN decoded as authenticate.public.customerAccount does THEN it names the shop and customer", async () => {
    const token = await standIn.mintSessionToken({ kind: "customer-account", shop: SHOP, customerId: "820982911946154600" });
    const payload = await shopifyLibrary().session.decodeSessionToken(token, { checkAudience: false });
    expect(payload).toMatchObject({ dest: SHOP, aud: API_KEY, sub: "gid://shopify/Customer/820982911946154600" });
  });

  it("GIVEN a session token WHEN the library exchanges it for offline and online tokens THEN both work", async () => {
    const shopify = shopifyLibrary();
    const sessionToken = await standIn.mintSessionToken({ shop: SHOP });
    const { session: offline } = await shopify.auth.tokenExchange({ shop: SHOP, sessionToken, requestedTokenType: RequestedTokenType.OfflineAccessToken });
    expect(offline.id).toBe(`offline_${SHOP}`);
    expect(offline.scope).toBe("read_orders,write_orders,read_fulfillments,read_customers,read_products,read_returns,write_returns,write_discounts,write_draft_orders");
    const { session: online } = await shopify.auth.tokenExchange({ shop: SHOP, sessionToken, requestedTokenType: RequestedTokenType.OnlineAccessToken });
    const payload = await shopify.session.decodeSessionToken(sessionToken);
    expect(online.id).toBe(shopify.session.getJwtSessionId(SHOP, payload.sub));
    expect(online.onlineAccessInfo?.associated_user.account_owner).toBe(true);
    expect((await graphql(standIn, offline.accessToken!, "{ shop { name } }")).status).toBe(200);
  });

  it("GIVEN expiring offline tokens WHEN exchanged THEN a refresh token comes back and can be used once", async () => {
    const sessionToken = await standIn.mintSessionToken({ shop: SHOP });
    const first = await exchange({
      client_id: API_KEY, client_secret: "sim-test-secret", grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: sessionToken, subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token", expiring: "1",
    });
    expect(first.body).toMatchObject({ expires_in: 3600, refresh_token: expect.any(String) });
    const refresh = { client_id: API_KEY, client_secret: "sim-test-secret", grant_type: "refresh_token", refresh_token: first.body.refresh_token as string };
    expect((await exchange(refresh)).status).toBe(200);
    expect((await exchange(refresh)).body).toMatchObject({ error: "invalid_grant" });
  });

  it.each([
    ["signed with another secret", async () => new SignJWT({ dest: `https://${SHOP}`, aud: API_KEY, sub: "1" }).setProtectedHeader({ alg: "HS256" }).setIssuedAt().setExpirationTime("1m").sign(new TextEncoder().encode("not-the-secret"))],
    ["for another shop", async () => standIn.mintSessionToken({ shop: SHOP }).then(() => {
      standIn.store.createShop({ domain: "other-shop.myshopify.com" });
      return standIn.mintSessionToken({ shop: "other-shop.myshopify.com" });
    })],
    ["expired", async () => standIn.mintSessionToken({ shop: SHOP, lifetimeSeconds: -60 })],
    ["not a JWT", async () => "garbage"],
  ])("GIVEN a subject token %s WHEN exchanged THEN Shopify's invalid_subject_token comes back", async (_case, makeToken) => {
    const { status, body } = await exchange({
      client_id: API_KEY, client_secret: "sim-test-secret", grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: await makeToken(), subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
    });
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_subject_token");
  });

  it("GIVEN the wrong client secret WHEN exchanging THEN the client is refused", async () => {
    const { status, body } = await exchange({ client_id: API_KEY, client_secret: "nope", grant_type: "urn:ietf:params:oauth:grant-type:token-exchange" });
    expect(status).toBe(401);
    expect(body.error).toBe("invalid_client");
  });
});

describe("embedded admin and app proxy", () => {
  it("GIVEN the admin app URL WHEN opened THEN the iframe loads the app with Shopify's signed launch params", async () => {
    const response = await fetch(`${standIn.url}/${SHOP}/admin/apps/${API_KEY}/app/orders?tab=late`);
    const html = await response.text();
    const src = /<iframe[^>]+src="([^"]+)"/.exec(html)![1]!.replaceAll("&amp;", "&");
    const url = new URL(src);
    expect(url.origin + url.pathname).toBe(`${app.url}/app/orders`);
    const query = Object.fromEntries(url.searchParams);
    expect(query).toMatchObject({ embedded: "1", shop: SHOP, locale: "en", tab: "late" });
    expect(Buffer.from(query.host!, "base64").toString()).toBe("admin.shopify.com/store/test-outfitters");
    const shopify = shopifyLibrary();
    expect(await shopify.utils.validateHmac(query)).toBe(true);
    expect(shopify.utils.sanitizeHost(query.host!)).toBe(query.host);
    expect((await shopify.session.decodeSessionToken(query.id_token!)).dest).toBe(`https://${SHOP}`);
    expect(html).toContain("Test Outfitters");
  });

  it("GIVEN the App Bridge stand-in WHEN served THEN it is JavaScript implementing the bounce page", async () => {
    const response = await fetch(`${standIn.url}/cdn/app-bridge.js`);
    expect(response.headers.get("content-type")).toContain("javascript");
    const script = await response.text();
    expect(script).toContain("shopify-reload");
    expect(script).toContain("idToken");
    expect(() => new Function(script)).not.toThrow();
  });

  it("GIVEN a proxy request signed by the stand-in WHEN checked as authenticate.public.appProxy does THEN the signature is valid", async () => {
    const { customer } = createSimpleCatalog(standIn);
    const url = new URL(standIn.signProxyQuery({ shop: SHOP, path: "/status", customerId: customer.id, query: { order: "#1001" } }));
    expect(url.pathname).toBe("/proxy/status");
    const query = Object.fromEntries(url.searchParams);
    expect(query).toMatchObject({ shop: SHOP, logged_in_customer_id: customer.id, path_prefix: "/apps/track", order: "#1001" });
    expect(await shopifyLibrary().utils.validateHmac(query, { signator: "appProxy" })).toBe(true);
    expect(await shopifyLibrary().utils.validateHmac({ ...query, order: "#1002" }, { signator: "appProxy" })).toBe(false);
  });

  it("GIVEN a storefront request under /apps/track WHEN it reaches the stand-in THEN the app receives it signed and its answer is returned", async () => {
    const response = await fetch(`${standIn.url}/${SHOP}/apps/track/lookup?order=%231001`, { headers: { cookie: "sim_customer_id=42" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<p>tracking</p>");
    const forwarded = app.requests.find((r) => r.url.startsWith("/proxy/lookup"))!;
    const params = Object.fromEntries(new URL(forwarded.url, app.url).searchParams);
    expect(params).toMatchObject({ order: "#1001", logged_in_customer_id: "42", shop: SHOP });
    expect(forwarded.headers.cookie).toBeUndefined();
    expect(await shopifyLibrary().utils.validateHmac(params, { signator: "appProxy" })).toBe(true);
  });
});
