import { randomUUID } from "node:crypto";
import { Session } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { SignJWT } from "jose";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeAdmin } from "~/offers/__tests__/fake-admin";
import { saveOffer } from "~/offers/offer-store.server";
import type { SurfaceOfferResponse } from "~/offers/surface-contract";
import * as eventsRoute from "~/routes/api.offers.events";
import * as offersRoute from "~/routes/api.offers";
import { sessionStorage } from "~/shopify.server";
import { useTestDatabase } from "~/test/database";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
const APP_URL = process.env.SHOPIFY_APP_URL!;
const SHOP = "thank-you-outfitters.myshopify.com";
const ORIGIN = "https://extensions.shopifycdn.com";
const CUSTOMER = "gid://shopify/Customer/42";
const SOCKS = { productId: "gid://shopify/Product/900", variantId: "gid://shopify/ProductVariant/901" };
let admin: FakeAdmin;
let orderCounter = 5000;

/** A checkout / customer-account session token: dest = shop, sub = the logged-in customer (absent for a guest). */
async function sessionToken(customer: string | null = CUSTOMER, secret = process.env.SHOPIFY_API_SECRET!): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ dest: SHOP })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setAudience(process.env.SHOPIFY_API_KEY!)
    .setIssuedAt(now - 5)
    .setNotBefore(now - 5)
    .setExpirationTime(now + 60)
    .setJti(randomUUID());
  if (customer) jwt.setSubject(customer);
  return jwt.sign(new TextEncoder().encode(secret));
}

/** An order of one $50 shirt (variant 11) in our DB, placed by `customer` (null: a guest). */
async function seedOrder(customer: string | null = CUSTOMER): Promise<string> {
  const id = `gid://shopify/Order/${++orderCounter}`;
  const at = new Date();
  await prisma().order.create({ data: { shop: SHOP, id, name: `#${orderCounter}`, customerId: customer, currencyCode: "USD", totalPrice: "50.00", shippingCountry: "US", processedAt: at, shopifyUpdatedAt: at } });
  await prisma().lineItem.create({ data: { shop: SHOP, id: `gid://shopify/LineItem/${orderCounter}1`, orderId: id, productId: "gid://shopify/Product/1", variantId: "gid://shopify/ProductVariant/11", title: "Shirt", quantity: 1, price: "50.00" } });
  return id;
}

async function getOffers(surface: string, orderId: string | null, token: string | null): Promise<Response> {
  const url = new URL("/api/offers", APP_URL);
  url.searchParams.set("surface", surface);
  if (orderId) url.searchParams.set("orderId", orderId);
  const headers = new Headers({ Origin: ORIGIN });
  if (token) headers.set("Authorization", `Bearer ${token}`);
  return respond(() => offersRoute.loader({ request: new Request(url, { headers }), params: {}, context: {} }));
}

async function postEvent(body: unknown, token: string): Promise<Response> {
  const request = new Request(new URL("/api/offers/events", APP_URL), {
    method: "POST",
    headers: { Origin: ORIGIN, Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return respond(() => eventsRoute.action({ request, params: {}, context: {} }));
}

async function respond(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

beforeAll(async () => {
  await prisma().shop.create({ data: { shop: SHOP, currencyCode: "USD" } });
  await sessionStorage.storeSession(new Session({ id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: "shpat_test", scope: "read_products,write_discounts" }));
  // A post-purchase offer only: the thank-you page shows it when the post-purchase page was skipped.
  await saveOffer(prisma(), SHOP, { id: "socks", name: "Matching socks", surfaces: ["post_purchase", "order_status"], product: { kind: "fixed", ...SOCKS }, discount: { kind: "percentage", percent: "15" } });
});

beforeEach(() => {
  admin = new FakeAdmin().addProduct({ id: SOCKS.productId, title: "Wool socks", variants: [{ id: SOCKS.variantId, price: "20.00", inventoryQuantity: 5 }] });
  admin.addProduct({ id: "gid://shopify/Product/1", title: "Shirt", variants: [{ id: "gid://shopify/ProductVariant/11", price: "50.00", inventoryQuantity: 3 }] });
  setAbstractFetchFunc(admin.fetch);
});

describe("GET /api/offers", () => {
  it("GIVEN a wallet checkout that skipped the post-purchase page WHEN the thank-you block asks THEN it shows that offer as a cart link with the customer's own code", async () => {
    const orderId = await seedOrder();

    const response = await getOffers("thank_you", orderId, await sessionToken());
    const again = (await (await getOffers("thank_you", orderId, await sessionToken())).json()) as SurfaceOfferResponse;

    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = (await response.json()) as SurfaceOfferResponse;
    const code = admin.discountCreates[0]!.code;
    expect(body).toMatchObject({
      offer: { offerId: "socks", discountedPrice: { amount: "17.00" }, discountLabel: "15% off", product: { url: `https://${SHOP}/cart/901:1?discount=${code}` } },
      discountCode: null,
    });
    expect(admin.discountCreates[0]!.input).toMatchObject({ context: { customers: { add: [CUSTOMER] } }, customerGets: { items: { products: { productsToAdd: [SOCKS.productId] } } } });
    expect(again.offer?.product.url).toBe(body.offer?.product.url);
    expect(admin.discountCreates).toHaveLength(1);
  });

  it("GIVEN the shopper already decided on the post-purchase page WHEN the thank-you block asks THEN it shows a next-order code instead", async () => {
    const orderId = await seedOrder();
    await prisma().offerDecision.create({
      data: { shop: SHOP, referenceId: `ref-${orderId}`, offerId: "socks", armId: "", customerId: CUSTOMER, purchaseKey: "11x1", variantId: SOCKS.variantId, quantity: 1, unitPrice: "20.00", discountedUnitPrice: "17.00", currencyCode: "USD", decision: "declined", decidedAt: new Date() },
    });

    const body = (await (await getOffers("thank_you", orderId, await sessionToken())).json()) as SurfaceOfferResponse;

    expect(body.offer).toBeNull();
    expect(body.discountCode).toMatchObject({ offerId: "socks", armId: "", code: expect.stringMatching(/^THANKS-/), label: "15% off your next order" });
    expect(admin.discountCreates.at(-1)!.input).toMatchObject({ customerGets: { items: { all: true } }, usageLimit: 1 });
  });

  it("GIVEN a guest's order WHEN the thank-you block asks THEN the offer shows at full price with a plain cart link and no code is made", async () => {
    const orderId = await seedOrder(null);

    const body = (await (await getOffers("thank_you", orderId, await sessionToken(null))).json()) as SurfaceOfferResponse;

    expect(body.offer).toMatchObject({ discountedPrice: { amount: "20.00" }, discountLabel: null, product: { url: `https://${SHOP}/cart/901:1` } });
    expect(admin.discountCreates).toEqual([]);
  });

  it("GIVEN Shopify refuses the code WHEN the thank-you block asks THEN the offer still shows, at full price", async () => {
    const orderId = await seedOrder("gid://shopify/Customer/43");
    admin.nextDiscountUserErrors = [{ field: ["basicCodeDiscount"], message: "Discounts are disabled", code: null }];

    const response = await getOffers("thank_you", orderId, await sessionToken("gid://shopify/Customer/43"));

    expect(response.status).toBe(200);
    expect(((await response.json()) as SurfaceOfferResponse).offer).toMatchObject({ discountLabel: null, discountedPrice: { amount: "20.00" } });
  });

  it("GIVEN the order-status block WHEN the customer asks for their order THEN the order-status offer shows", async () => {
    const orderId = await seedOrder();

    const body = (await (await getOffers("order_status", orderId, await sessionToken())).json()) as SurfaceOfferResponse;

    expect(body.offer).toMatchObject({ offerId: "socks" });
  });

  it.each([
    ["another customer's order", async (): Promise<string> => seedOrder("gid://shopify/Customer/77"), CUSTOMER],
    ["a logged-in customer's order asked by a guest", async (): Promise<string> => seedOrder(), null],
    ["an order that does not exist", async (): Promise<string> => "gid://shopify/Order/1", CUSTOMER],
  ] as const)("GIVEN %s WHEN the thank-you block asks THEN it is 404", async (_case, order, customer) => {
    const response = await getOffers("thank_you", await order(), await sessionToken(customer));

    expect(response.status).toBe(404);
    expect(admin.operations).toEqual([]);
  });

  it("GIVEN a guest WHEN the order-status block asks THEN it is 401 (the page is behind login)", async () => {
    const response = await getOffers("order_status", await seedOrder(null), await sessionToken(null));

    expect(response.status).toBe(401);
  });

  it.each([
    ["a forged token", async (): Promise<string | null> => sessionToken(CUSTOMER, "forged-secret")],
    ["no token", async (): Promise<string | null> => null],
  ])("GIVEN %s WHEN the block asks THEN it is 401", async (_case, token) => {
    expect((await getOffers("thank_you", await seedOrder(), await token())).status).toBe(401);
  });

  it.each([
    ["an unknown surface", "checkout", "gid://shopify/Order/1", "surface"],
    ["a missing order id", "thank_you", null, "orderId"],
    ["a hostile order id", "thank_you", "<script>", "orderId"],
  ])("GIVEN %s WHEN the block asks THEN it is 422 naming the field", async (_case, surface, orderId, field) => {
    const response = await getOffers(surface, orderId, await sessionToken());

    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ fieldErrors: { [field]: [expect.any(String)] } });
  });
});

describe("POST /api/offers/events", () => {
  it("GIVEN the browser's preflight of the POST WHEN Remix hands it to the loader (as it does every OPTIONS) THEN it is 204 with the CORS headers", async () => {
    const request = new Request(new URL("/api/offers/events", APP_URL), { method: "OPTIONS", headers: { Origin: ORIGIN, "Access-Control-Request-Method": "POST" } });

    const response = await respond(async () => eventsRoute.loader({ request, params: {}, context: {} }));

    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
  });

  it("GIVEN impressions and a click on the order-status block WHEN reported THEN they are counted per order, repeats included", async () => {
    const orderId = await seedOrder();
    const event = { surface: "order_status", orderId, offerId: "socks", armId: "", kind: "impression" };

    expect((await postEvent(event, await sessionToken())).status).toBe(204);
    await postEvent(event, await sessionToken());
    await postEvent({ ...event, kind: "click" }, await sessionToken());

    const rows = await prisma().offerEvent.findMany({ where: { shop: SHOP, orderKey: orderId }, orderBy: { kind: "asc" } });
    expect(rows.map((row) => [row.kind, row.count])).toEqual([
      ["click", 1],
      ["impression", 2],
    ]);
  });

  it("GIVEN a next-order code shown and copied on the order-status block WHEN reported THEN its impression and copy are counted apart from the offer's", async () => {
    const orderId = await seedOrder();
    const event = { surface: "order_status", orderId, offerId: "socks", armId: "" };

    expect((await postEvent({ ...event, kind: "code_impression" }, await sessionToken())).status).toBe(204);
    expect((await postEvent({ ...event, kind: "code_copy" }, await sessionToken())).status).toBe(204);

    const rows = await prisma().offerEvent.findMany({ where: { shop: SHOP, orderKey: orderId }, orderBy: { kind: "asc" } });
    expect(rows.map((row) => [row.surface, row.offerId, row.kind, row.count])).toEqual([
      ["order_status", "socks", "code_copy", 1],
      ["order_status", "socks", "code_impression", 1],
    ]);
  });

  it.each([
    ["a tampered offer id", { offerId: "not-ours" }, 404],
    ["an arm the offer does not have", { armId: "b" }, 422],
    ["an unknown kind", { kind: "purchase" }, 422],
    ["a surface the offer does not run on", { surface: "thank_you" }, 422],
    ["a surface this endpoint does not serve", { surface: "post_purchase" }, 422],
  ])("GIVEN %s WHEN reported THEN it is %s and nothing is counted", async (_case, change, status) => {
    const orderId = await seedOrder();

    const response = await postEvent({ surface: "order_status", orderId, offerId: "socks", armId: "", kind: "impression", ...change }, await sessionToken());

    expect(response.status).toBe(status);
    expect(await prisma().offerEvent.count({ where: { shop: SHOP, orderKey: orderId } })).toBe(0);
  });

  it("GIVEN another customer's order WHEN an event is reported THEN it is 404 and nothing is counted", async () => {
    const orderId = await seedOrder("gid://shopify/Customer/77");

    const response = await postEvent({ surface: "order_status", orderId, offerId: "socks", armId: "", kind: "click" }, await sessionToken());

    expect(response.status).toBe(404);
    expect(await prisma().offerEvent.count({ where: { shop: SHOP, orderKey: orderId } })).toBe(0);
  });
});
