import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { Session } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ReturnOrderResponse, ReturnPreviewResponse, ReturnProblemResponse, ReturnStatusResponse } from "~/returns/account/contract";
import type { FakeAdmin } from "~/returns/__tests__/fake-admin";
import { CUSTOMER, fakeShopify, MUG, MUG_PRODUCT, MUG_VARIANT, NOW, ORDER, OTHER_CUSTOMER, seedDeliveredOrder } from "~/returns/__tests__/returns-scenario";
import { portalTranslator } from "~/returns/portal/messages";
import * as orderRoute from "~/routes/api.returns.order";
import * as photosRoute from "~/routes/api.returns.photos";
import * as previewRoute from "~/routes/api.returns.preview";
import * as statusRoute from "~/routes/api.returns.status";
import * as submitRoute from "~/routes/api.returns.submit";
import { sessionStorage } from "~/shopify.server";
import { useTestDatabase } from "~/test/database";

// Photos land in a scratch folder, set before env() is first read.
const PHOTOS = vi.hoisted(() => {
  const folder = `${process.env.TMPDIR ?? "/tmp"}/aftercare-account-photos-${process.pid}-${Date.now()}`;
  process.env.RETURN_PHOTOS_DIR = folder;
  return folder;
});

const database = useTestDatabase();
const prisma = () => database.get().prisma;
const APP_URL = process.env.SHOPIFY_APP_URL!;
const ORIGIN = "https://extensions.shopifycdn.com";
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const RED_MUG = "gid://shopify/ProductVariant/802";
let shopify: FakeAdmin;
let shops = 0;

interface TokenOptions {
  shop: string;
  customer?: string | null;
  secret?: string;
  expiresIn?: number;
  audience?: string;
}

/** A customer-account extension session token as Shopify issues it: HS256 over the app secret, aud = the app's key. */
async function token({ shop, customer = CUSTOMER, secret, expiresIn = 60, audience }: TokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ dest: shop })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setAudience(audience ?? process.env.SHOPIFY_API_KEY!)
    .setIssuedAt(now - 5)
    .setNotBefore(now - 5)
    .setExpirationTime(now + expiresIn)
    .setJti(randomUUID());
  if (customer) jwt.setSubject(customer);
  return jwt.sign(new TextEncoder().encode(secret ?? process.env.SHOPIFY_API_SECRET!));
}

/** The route's answer whether returned or thrown (the library throws its auth responses). */
async function respond(run: () => Promise<unknown>): Promise<Response> {
  try {
    return (await run()) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function headers(bearer: string | null, json = false): Headers {
  const result = new Headers({ Origin: ORIGIN });
  if (bearer) result.set("Authorization", `Bearer ${bearer}`);
  if (json) result.set("Content-Type", "application/json");
  return result;
}

const args = (request: Request) => ({ request, params: {}, context: {} });
const getOrder = (bearer: string | null, query: Record<string, string> = { orderId: ORDER }) =>
  respond(() => orderRoute.loader(args(new Request(`${APP_URL}/api/returns/order?${new URLSearchParams(query)}`, { headers: headers(bearer) }))));
const getStatus = (bearer: string, returnId: string) =>
  respond(() => statusRoute.loader(args(new Request(`${APP_URL}/api/returns/status?${new URLSearchParams({ returnId })}`, { headers: headers(bearer) }))));
const post = (route: { action: (a: ReturnType<typeof args>) => Promise<Response> }, path: string, bearer: string, body: unknown) =>
  respond(() => route.action(args(new Request(`${APP_URL}${path}`, { method: "POST", headers: headers(bearer, true), body: typeof body === "string" ? body : JSON.stringify(body) }))));
const preview = (bearer: string, body: unknown) => post(previewRoute, "/api/returns/preview", bearer, body);
const submit = (bearer: string, body: unknown) => post(submitRoute, "/api/returns/submit", bearer, body);

function postPhoto(bearer: string, orderId: string, file: Blob | null): Promise<Response> {
  const form = new FormData();
  form.set("orderId", orderId);
  if (file) form.set("photo", file, "mug.jpg");
  return respond(() => photosRoute.action(args(new Request(`${APP_URL}/api/returns/photos`, { method: "POST", headers: headers(bearer), body: form }))));
}

/** A shop with Zoë's delivered order (two mugs, a cap) and an offline session; Shopify answers through `shopify`. */
async function freshShop(): Promise<{ shop: string; own: string; other: string }> {
  const shop = `account-returns-${++shops}.myshopify.com`;
  await seedDeliveredOrder(prisma(), shop);
  await sessionStorage.storeSession(new Session({ id: `offline_${shop}`, shop, state: "", isOnline: false, accessToken: "shpat_test", scope: "read_orders,read_returns,write_returns" }));
  return { shop, own: await token({ shop }), other: await token({ shop, customer: OTHER_CUSTOMER }) };
}

const mugDraft = (quantity = 1) => ({ items: [{ lineItemId: MUG, quantity, reason: "size_too_small", note: "Runs small" }] });
const completeDraft = { ...mugDraft(), outcome: "store_credit", method: "mail_label" };

beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  shopify = fakeShopify().on("ReturnPortalExchangeVariants", () => ({
    nodes: [
      {
        id: MUG_PRODUCT,
        title: "Trail Mug",
        variants: {
          nodes: [
            { id: MUG_VARIANT, title: "Blue", price: "18.00", inventoryQuantity: 4 },
            { id: RED_MUG, title: "Red", price: "19.50", inventoryQuantity: 0 },
          ],
        },
      },
    ],
  }));
  // The library's Admin API calls reach the fake Shopify; any other outbound call fails the test.
  setAbstractFetchFunc(async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.includes("/admin/api/2026-07/graphql.json")) throw new Error(`unexpected outbound fetch to ${url}`);
    const body = JSON.parse(String(init?.body ?? (input instanceof Request ? await input.text() : "{}"))) as { query: string; variables?: Record<string, unknown> };
    return shopify.graphql(body.query, { variables: body.variables });
  });
});

afterAll(() => {
  vi.useRealTimers();
  rmSync(PHOTOS, { recursive: true, force: true });
});

describe("GET /api/returns/order", () => {
  it("GIVEN the customer's own token WHEN the extension opens their order THEN every item comes with how many can be returned and why, the reasons and CORS", async () => {
    const { own } = await freshShop();

    const response = await getOrder(own);

    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const view = (await response.json()) as ReturnOrderResponse;
    expect(view.lines.map((line) => [line.title, line.returnableQuantity])).toEqual([
      ["Trail Mug", 2],
      ["Cap", 1],
    ]);
    expect(view.lines[0]!.explanations[0]).toMatch(/^Returnable until /);
    expect(view.reasons[0]).toEqual({ value: "size_too_small", label: "Too small", hints: ["Optional. JPEG, PNG, GIF, WebP or HEIC, up to 10 MB each."] });
    expect(view).toMatchObject({ orderId: ORDER, canStart: true, openReturnId: null, existingReturns: [], maxPhotos: 10 });
  });

  it("GIVEN a German shopper WHEN the order opens THEN the reasons and explanations are the portal's German ones", async () => {
    const { own } = await freshShop();

    const view = (await (await getOrder(own, { orderId: ORDER, locale: "de" })).json()) as ReturnOrderResponse;

    expect(view.reasons[0]!.label).toBe(portalTranslator("de")("reason_size_too_small"));
    expect(view.lines[0]!.explanations[0]).toMatch(/^Rückgabe möglich bis /);
  });

  it("GIVEN another customer's token WHEN they open Zoë's order THEN it is 403 with nothing about the order", async () => {
    const { other } = await freshShop();

    const response = await getOrder(other);

    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain("Trail Mug");
  });

  it.each([
    ["forged with another secret", { secret: "not-the-app-secret" }],
    ["expired", { expiresIn: -60 }],
    ["issued to another app", { audience: "another-apps-client-id" }],
    ["of a shopper who is not logged in", { customer: null }],
  ])("GIVEN a token %s WHEN the extension asks THEN it is 401 and nothing is read", async (_, options) => {
    const { shop } = await freshShop();
    const calls = shopify.calls.length;

    const response = await getOrder(await token({ shop, ...options }));

    expect(response.status).toBe(401);
    expect(shopify.calls.length).toBe(calls);
  });

  it("GIVEN a shop that uninstalled the app (no offline session) WHEN the extension asks THEN it is 403 shop_not_installed, never a 5xx", async () => {
    const shop = "account-returns-uninstalled.myshopify.com";
    await seedDeliveredOrder(prisma(), shop);

    const response = await getOrder(await token({ shop }));

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: "shop_not_installed" });
  });

  it("GIVEN no token WHEN the extension asks THEN it is 401", async () => {
    expect((await getOrder(null)).status).toBe(401);
  });

  it.each([
    ["missing", {}],
    ["not an order gid", { orderId: "gid://shopify/Customer/7001" }],
  ])("GIVEN an orderId %s WHEN the extension asks THEN it is 422 naming the parameter", async (_, query) => {
    const { own } = await freshShop();

    const response = await getOrder(own, query as Record<string, string>);

    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: "invalid_input", fieldErrors: { orderId: [expect.any(String)] } });
  });

  it("GIVEN the browser's CORS preflight WHEN it arrives THEN it is answered 204 with the allowed headers", async () => {
    const response = await respond(() => previewRoute.action(args(new Request(`${APP_URL}/api/returns/preview`, { method: "OPTIONS", headers: headers(null) }))));

    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
  });
});

describe("POST /api/returns/preview", () => {
  it("GIVEN each step answered in turn WHEN previewed THEN the shopper gets the portal's next step: reasons, outcomes with bonus and exchange stock, methods with fees, the review", async () => {
    const { own } = await freshShop();

    const items = await preview(own, { orderId: ORDER, step: "items", draft: { items: [{ lineItemId: MUG, quantity: 1 }] } });
    expect(await items.json()).toEqual({ next: "reasons" });

    const reasons = (await (await preview(own, { orderId: ORDER, step: "reasons", draft: mugDraft() })).json()) as Extract<ReturnPreviewResponse, { next: "outcome" }>;
    expect(reasons.next).toBe("outcome");
    expect(reasons.outcomes.map((offer) => offer.outcome)).toEqual(expect.arrayContaining(["refund", "store_credit"]));
    expect(reasons.exchange[0]!.options).toEqual([
      { value: MUG_VARIANT, label: "Blue — €18.00 (4 in stock)", disabled: false },
      { value: RED_MUG, label: "Red — €19.50 (out of stock)", disabled: true },
    ]);

    const outcome = (await (await preview(own, { orderId: ORDER, step: "outcome", draft: { ...mugDraft(), outcome: "store_credit" } })).json()) as ReturnPreviewResponse;
    expect(outcome).toMatchObject({ next: "method", methods: expect.arrayContaining([{ method: "mail_label", label: "Prepaid shipping label", fee: "Free" }]) });

    const review = (await (await preview(own, { orderId: ORDER, step: "method", draft: completeDraft })).json()) as Extract<ReturnPreviewResponse, { next: "review" }>;
    expect(review.next).toBe("review");
    expect(review.review).toMatchObject({ outcome: "Store credit", method: "Prepaid shipping label", blockers: [] });
    expect(review.review.totals[0]).toEqual({ label: "Value of returned items", value: "€15.00" });
    expect(review.review.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ["more mugs than were bought", { items: [{ lineItemId: MUG, quantity: 5 }] }, "items", "Trail Mug: choose a whole number from 0 to 2."],
    ["a line of another order", { items: [{ lineItemId: "gid://shopify/LineItem/999", quantity: 1 }] }, "items", "Your return form was changed or has expired. Please start again."],
  ])("GIVEN a draft with %s WHEN previewed THEN it is 422 with the portal's message, never clamped", async (_, draft, field, message) => {
    const { own } = await freshShop();

    const response = await preview(own, { orderId: ORDER, step: "items", draft });

    expect(response.status).toBe(422);
    expect(((await response.json()) as ReturnProblemResponse).fieldErrors).toEqual({ [field]: [message] });
  });

  it("GIVEN an exchange for a variant that is out of stock WHEN previewed THEN it is 422 on the exchange", async () => {
    const { own } = await freshShop();

    const response = await preview(own, { orderId: ORDER, step: "outcome", draft: { ...mugDraft(), outcome: "exchange", exchange: [{ lineItemId: MUG, variantId: RED_MUG }] } });

    expect(response.status).toBe(422);
    expect(((await response.json()) as ReturnProblemResponse).fieldErrors).toEqual({ exchange: ["Trail Mug: choose a new size or color."] });
  });

  it.each([
    ["not JSON", "{", 400],
    ["a negative quantity", { orderId: ORDER, step: "items", draft: { items: [{ lineItemId: MUG, quantity: -1 }] } }, 422],
    ["an unknown step", { orderId: ORDER, step: "payment", draft: mugDraft() }, 422],
  ])("GIVEN a body with %s WHEN previewed THEN it is refused with a 4xx", async (_, body, status) => {
    const { own } = await freshShop();

    expect((await preview(own, body)).status).toBe(status);
  });
});

describe("POST /api/returns/submit and GET /api/returns/status", () => {
  it("GIVEN a complete draft WHEN submitted THEN Shopify gets one return request and the shopper sees its status with every step", async () => {
    const { shop, own } = await freshShop();
    const requests = shopify.count("AftercareReturnRequest");

    const response = await submit(own, { orderId: ORDER, idempotencyKey: randomUUID(), draft: completeDraft });

    expect(response.status).toBe(200);
    const status = (await response.json()) as ReturnStatusResponse;
    expect(status).toMatchObject({ heading: "Return #1001-R1", status: "Requested — waiting for review", submitted: true, items: ["Trail Mug × 1"], outcome: "Store credit" });
    expect(status.timeline.map((entry) => entry.text)).toEqual(["Return requested"]);
    expect(shopify.count("AftercareReturnRequest")).toBe(requests + 1);
    expect(await prisma().returnCase.count({ where: { shop } })).toBe(1);

    const later = (await (await getStatus(own, status.returnId)).json()) as ReturnStatusResponse;
    expect({ ...later, submitted: true }).toEqual(status);
    const order = (await (await getOrder(own)).json()) as ReturnOrderResponse;
    expect(order.openReturnId).toBe(status.returnId);
    expect(order.existingReturns).toEqual([{ returnId: status.returnId, name: "#1001-R1", status: "Requested — waiting for review", open: true }]);
  });

  it("GIVEN a submitted return WHEN the same key is submitted again THEN the first return comes back and Shopify is asked once", async () => {
    const { shop, own } = await freshShop();
    const key = randomUUID();
    const requests = shopify.count("AftercareReturnRequest");

    const first = (await (await submit(own, { orderId: ORDER, idempotencyKey: key, draft: completeDraft })).json()) as ReturnStatusResponse;
    const second = (await (await submit(own, { orderId: ORDER, idempotencyKey: key, draft: completeDraft })).json()) as ReturnStatusResponse;

    expect(second.returnId).toBe(first.returnId);
    expect(shopify.count("AftercareReturnRequest")).toBe(requests + 1);
    expect(await prisma().returnCase.count({ where: { shop } })).toBe(1);
  });

  it("GIVEN a draft edited to three mugs WHEN submitted THEN it is 422 with the review's blockers, nothing is written and Shopify is not asked", async () => {
    const { shop, own } = await freshShop();
    const requests = shopify.count("AftercareReturnRequest");

    const response = await submit(own, { orderId: ORDER, idempotencyKey: randomUUID(), draft: { ...completeDraft, items: [{ ...mugDraft().items[0]!, quantity: 3 }] } });

    expect(response.status).toBe(422);
    const problem = (await response.json()) as ReturnProblemResponse;
    expect(problem.error).toBe("not_submittable");
    expect(problem.review?.blockers.length).toBeGreaterThan(0);
    expect(await prisma().returnCase.count({ where: { shop } })).toBe(0);
    expect(shopify.count("AftercareReturnRequest")).toBe(requests);
  });

  it("GIVEN another customer's token WHEN they submit a return of Zoë's order or read her return THEN both are 403 and nothing is written", async () => {
    const { shop, own, other } = await freshShop();
    const mine = (await (await submit(own, { orderId: ORDER, idempotencyKey: randomUUID(), draft: completeDraft })).json()) as ReturnStatusResponse;

    const submitted = await submit(other, { orderId: ORDER, idempotencyKey: randomUUID(), draft: completeDraft });
    const read = await getStatus(other, mine.returnId);

    expect(submitted.status).toBe(403);
    expect(read.status).toBe(403);
    expect(await read.text()).not.toContain("Trail Mug");
    expect(await prisma().returnCase.count({ where: { shop } })).toBe(1);
  });

  it.each([
    ["no reason for an item", { orderId: ORDER, idempotencyKey: randomUUID(), draft: { ...completeDraft, items: [{ lineItemId: MUG, quantity: 1 }] } }, "draft.items.0.reason"],
    ["no outcome", { orderId: ORDER, idempotencyKey: randomUUID(), draft: mugDraft() }, "draft.outcome"],
    ["a made-up idempotency key", { orderId: ORDER, idempotencyKey: "1", draft: completeDraft }, "idempotencyKey"],
  ])("GIVEN a submit with %s WHEN it arrives THEN it is 422 naming the field", async (_, body, field) => {
    const { shop, own } = await freshShop();

    const response = await submit(own, body);

    expect(response.status).toBe(422);
    expect(((await response.json()) as ReturnProblemResponse).fieldErrors).toHaveProperty([field]);
    expect(await prisma().returnCase.count({ where: { shop } })).toBe(0);
  });

  it("GIVEN a return id that does not exist WHEN its status is asked THEN it is 404", async () => {
    const { own } = await freshShop();

    expect((await getStatus(own, "no-such-return")).status).toBe(404);
  });
});

describe("POST /api/returns/photos", () => {
  it("GIVEN a JPEG for the customer's order WHEN uploaded THEN it is stored and its key comes back", async () => {
    const { own } = await freshShop();

    const response = await postPhoto(own, ORDER, new Blob([JPEG], { type: "image/jpeg" }));

    expect(response.status).toBe(200);
    expect(((await response.json()) as { key: string }).key).toMatch(/^[0-9a-f]{32}\.jpg$/);
  });

  it.each([
    ["a text file named .jpg", new Blob(["not an image"], { type: "image/jpeg" }), "must be a JPEG, PNG, GIF, WebP or HEIC image"],
    ["no file", null, "is required"],
  ])("GIVEN %s WHEN uploaded THEN it is 422 on the photo", async (_, file, message) => {
    const { own } = await freshShop();

    const response = await postPhoto(own, ORDER, file);

    expect(response.status).toBe(422);
    expect(((await response.json()) as ReturnProblemResponse).fieldErrors).toEqual({ photo: [message] });
  });

  it("GIVEN another customer's token WHEN they upload for Zoë's order THEN it is 403", async () => {
    const { other } = await freshShop();

    expect((await postPhoto(other, ORDER, new Blob([JPEG]))).status).toBe(403);
  });

  it("GIVEN a body declared larger than a photo may be WHEN uploaded THEN it is 413 before it is read", async () => {
    const { own } = await freshShop();
    const request = new Request(`${APP_URL}/api/returns/photos`, { method: "POST", headers: { ...Object.fromEntries(headers(own)), "Content-Length": String(11 * 1024 * 1024), "Content-Type": "multipart/form-data; boundary=x" }, body: "--x--" });

    expect((await respond(() => photosRoute.action(args(request)))).status).toBe(413);
  });
});

