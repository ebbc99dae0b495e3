import { Session } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { decodeProtectedHeader, jwtVerify } from "jose";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeAdmin } from "~/offers/__tests__/fake-admin";
import { postPurchaseInputToken } from "~/offers/__tests__/post-purchase-input-token";
import { saveOffer } from "~/offers/offer-store.server";
import type { PostPurchaseOfferResponse } from "~/offers/surface-contract";
import * as decisionRoute from "~/routes/api.post-purchase.decision";
import * as offerRoute from "~/routes/api.post-purchase.offer";
import * as signRoute from "~/routes/api.post-purchase.sign";
import { sessionStorage } from "~/shopify.server";
import { useTestDatabase } from "~/test/database";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
const APP_URL = process.env.SHOPIFY_APP_URL!;
const SECRET = process.env.SHOPIFY_API_SECRET!;
const SHOP = "post-purchase-outfitters.myshopify.com";
const ORIGIN = "https://checkout.post-purchase-outfitters.com";
const SOCKS = { productId: "gid://shopify/Product/900", variantId: "gid://shopify/ProductVariant/901" };
let admin: FakeAdmin;
let referenceCounter = 0;
const freshReference = () => `ref-${Date.now()}-${++referenceCounter}`;

function inputToken(referenceId: string, options: { secret?: string; expiresIn?: number; shop?: string; tokenReference?: string } = {}): Promise<string> {
  return postPurchaseInputToken({ shop: SHOP, referenceId, ...options });
}

function post(path: string, token: string | null, body: unknown): Request {
  const headers = new Headers({ Origin: ORIGIN, "Content-Type": "application/json" });
  if (token) headers.set("Authorization", `Bearer ${token}`);
  return new Request(new URL(path, APP_URL), { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

const args = (request: Request) => ({ request, params: {}, context: {} });
const askOffer = async (referenceId: string, token?: string) => offerRoute.action(args(post("/api/post-purchase/offer", token ?? (await inputToken(referenceId)), { referenceId })));
const sign = async (referenceId: string, offerId = "socks", armId = "") => signRoute.action(args(post("/api/post-purchase/sign", await inputToken(referenceId), { referenceId, offerId, armId })));
const decide = async (referenceId: string, decision: "accepted" | "declined", offerId = "socks") =>
  decisionRoute.action(args(post("/api/post-purchase/decision", await inputToken(referenceId), { referenceId, offerId, armId: "", decision })));

beforeAll(async () => {
  await prisma().shop.create({ data: { shop: SHOP, currencyCode: "USD" } });
  await sessionStorage.storeSession(new Session({ id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: "shpat_test", scope: "read_products,write_discounts" }));
  await saveOffer(prisma(), SHOP, {
    id: "socks",
    name: "Matching socks",
    product: { kind: "fixed", ...SOCKS },
    discount: { kind: "percentage", percent: "15" },
    copy: { title: "Add matching socks?", body: "One click, no re-entering your card." },
  });
});

beforeEach(() => {
  admin = new FakeAdmin().addProduct({ id: SOCKS.productId, title: "Wool socks", variants: [{ id: SOCKS.variantId, title: "M", price: "20.00", inventoryQuantity: 5 }] });
  admin.addProduct({ id: "gid://shopify/Product/1", title: "Shirt", tags: ["shirts"], variants: [{ id: "gid://shopify/ProductVariant/11", price: "50.00", inventoryQuantity: 3 }] });
  admin.customers.set("gid://shopify/Customer/42", { tags: [], numberOfOrders: 2 });
  setAbstractFetchFunc(admin.fetch);
});

describe("POST /api/post-purchase/offer", () => {
  it("GIVEN Shopify's token for a purchase and an offer in stock WHEN the extension asks THEN it renders the discounted offer and counts one impression", async () => {
    const referenceId = freshReference();

    const response = await askOffer(referenceId);

    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = (await response.json()) as PostPurchaseOfferResponse;
    expect(body).toMatchObject({
      render: true,
      offer: {
        offerId: "socks",
        armId: "",
        title: "Add matching socks?",
        product: { ...SOCKS, title: "Wool socks", variantTitle: "M" },
        originalPrice: { amount: "20.00", currencyCode: "USD" },
        discountedPrice: { amount: "17.00", currencyCode: "USD" },
        discountLabel: "15% off",
      },
    });
    expect(await prisma().offerEvent.findMany({ where: { shop: SHOP, orderKey: referenceId }, select: { kind: true, surface: true, count: true } })).toEqual([
      { kind: "impression", surface: "post_purchase", count: 1 },
    ]);
  });

  it.each([
    ["out of stock", { inventoryQuantity: 0 }],
    ["deleted", null],
    ["of a draft product", { status: "DRAFT" as const }],
  ])("GIVEN the offered variant is %s WHEN the extension asks THEN nothing renders", async (_case, change) => {
    if (change === null) admin.products.delete(SOCKS.productId);
    else if ("status" in change) admin.products.get(SOCKS.productId)!.status = change.status;
    else admin.products.get(SOCKS.productId)!.variants[0]!.inventoryQuantity = change.inventoryQuantity;

    const response = await askOffer(freshReference());

    expect(await response.json()).toEqual({ render: false, offer: null });
  });

  it.each([
    ["forged with another secret", { secret: "not-the-app-secret" }],
    ["expired", { expiresIn: -3600 }],
    ["issued for another purchase", { tokenReference: "someone-elses-reference" }],
  ])("GIVEN a token %s WHEN the extension asks THEN it is 401 and nothing is recorded", async (_case, options) => {
    const referenceId = freshReference();

    const response = await askOffer(referenceId, await inputToken(referenceId, options));

    expect(response.status).toBe(401);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await prisma().offerDecision.count({ where: { referenceId } })).toBe(0);
  });

  it("GIVEN no Authorization header WHEN the extension asks THEN it is 401", async () => {
    const response = await offerRoute.action(args(post("/api/post-purchase/offer", null, { referenceId: "r" })));

    expect(response.status).toBe(401);
  });

  it.each([
    ["not JSON", "{nope", 400],
    ["missing the reference id", {}, 422],
  ])("GIVEN a body %s WHEN the extension asks THEN it is %s", async (_case, body, status) => {
    const response = await offerRoute.action(args(post("/api/post-purchase/offer", await inputToken("r"), body)));

    expect(response.status).toBe(status);
  });

  it("GIVEN a genuine token of a shop that never installed the app WHEN the extension asks THEN it is 403", async () => {
    const referenceId = freshReference();

    const response = await askOffer(referenceId, await inputToken(referenceId, { shop: "never-installed.myshopify.com" }));

    expect(response.status).toBe(403);
  });

  // Remix hands OPTIONS to a route's loader (only POST, PUT, PATCH and DELETE reach the action).
  it.each([
    ["offer", offerRoute],
    ["sign", signRoute],
    ["decision", decisionRoute],
  ])("GIVEN the browser's preflight of /api/post-purchase/%s WHEN Remix hands it to the loader THEN it is 204 with the CORS headers", async (path, route) => {
    const response = await route.loader(args(new Request(new URL(`/api/post-purchase/${path}`, APP_URL), { method: "OPTIONS", headers: { Origin: ORIGIN } })));

    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
  });
});

describe("POST /api/post-purchase/sign and /decision", () => {
  it("GIVEN a shown offer WHEN accepted THEN the changeset JWT has Shopify's claim layout, replays return it verbatim, and the accept is recorded once", async () => {
    const referenceId = freshReference();
    await askOffer(referenceId);

    const first = await sign(referenceId);
    const replay = await sign(referenceId);

    expect(first.status).toBe(200);
    const { token } = (await first.json()) as { token: string };
    expect(((await replay.json()) as { token: string }).token).toBe(token);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: "HS256" });
    const { payload } = await jwtVerify(token, new TextEncoder().encode(SECRET), { algorithms: ["HS256"] });
    expect(payload).toMatchObject({
      iss: process.env.SHOPIFY_API_KEY,
      sub: referenceId,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      iat: expect.any(Number),
      changes: [{ type: "add_variant", variantId: 901, quantity: 1, discount: { value: 15, valueType: "percentage", title: "15% off" } }],
    });

    expect((await decide(referenceId, "accepted")).status).toBe(204);
    expect((await decide(referenceId, "accepted")).status).toBe(204);
    const rows = await prisma().offerDecision.findMany({ where: { shop: SHOP, referenceId } });
    expect(rows.map((row) => [row.decision, row.revenue, row.jti === payload.jti])).toEqual([["accepted", "17.00", true]]);
    // Decided: the page is not shown again for this purchase.
    expect(await (await askOffer(referenceId)).json()).toEqual({ render: false, offer: null });
  });

  it.each([
    ["a tampered offer id", "other-offer", ""],
    ["a tampered arm id", "socks", "b"],
  ])("GIVEN %s WHEN signing THEN it is 422 and nothing is signed", async (_case, offerId, armId) => {
    const referenceId = freshReference();
    await askOffer(referenceId);

    const response = await sign(referenceId, offerId, armId);

    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: "invalid_input", fieldErrors: { offerId: [expect.any(String)] } });
    expect((await prisma().offerDecision.findFirstOrThrow({ where: { shop: SHOP, referenceId } })).jti).toBeNull();
  });

  it("GIVEN an offer that sold out after it was shown WHEN signing THEN it is 409 and no changeset exists", async () => {
    const referenceId = freshReference();
    await askOffer(referenceId);
    admin.products.get(SOCKS.productId)!.variants[0]!.inventoryQuantity = 0;

    const response = await sign(referenceId);

    expect(response.status).toBe(409);
    expect((await prisma().offerDecision.findFirstOrThrow({ where: { shop: SHOP, referenceId } })).jti).toBeNull();
  });

  it("GIVEN a declined offer WHEN an accept is replayed afterwards THEN it is 409 and no revenue is added", async () => {
    const referenceId = freshReference();
    await askOffer(referenceId);

    expect((await decide(referenceId, "declined")).status).toBe(204);
    expect((await sign(referenceId)).status).toBe(409);
    expect((await decide(referenceId, "accepted")).status).toBe(409);
    const row = await prisma().offerDecision.findFirstOrThrow({ where: { shop: SHOP, referenceId } });
    expect([row.decision, row.revenue]).toEqual(["declined", null]);
  });

  it("GIVEN a forged token WHEN deciding THEN it is 401 and nothing changes", async () => {
    const referenceId = freshReference();
    await askOffer(referenceId);
    const forged = await inputToken(referenceId, { secret: "forged" });

    const response = await decisionRoute.action(args(post("/api/post-purchase/decision", forged, { referenceId, offerId: "socks", armId: "", decision: "declined" })));

    expect(response.status).toBe(401);
    expect((await prisma().offerDecision.findFirstOrThrow({ where: { shop: SHOP, referenceId } })).decision).toBe("shown");
  });
});
