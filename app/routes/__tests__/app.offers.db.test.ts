import { Session } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeAdmin } from "~/offers/__tests__/fake-admin";
import { saveOffer } from "~/offers/offer-store.server";
import * as editorRoute from "~/routes/app.offers.$id";
import * as listRoute from "~/routes/app.offers._index";
import { sessionStorage } from "~/shopify.server";
import { useTestDatabase } from "~/test/database";
import { embeddedRequest, signSessionToken } from "./embedded-request";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
const SHOP = "offers-admin.myshopify.com";
const OTHER = "offers-admin-other.myshopify.com";
const SOCKS = { productId: "gid://shopify/Product/900", variantId: "gid://shopify/ProductVariant/901" };
const ORDER = "gid://shopify/Order/7001";
let admin: FakeAdmin;

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
const asAdmin = async (path: string, shop = SHOP) => embeddedRequest(path, await signSessionToken({ shop }), "header", shop);
async function post(path: string, body: BodyInit, contentType: string, shop = SHOP): Promise<Request> {
  const request = await asAdmin(path, shop);
  return new Request(request.url, { method: "POST", headers: { Authorization: request.headers.get("Authorization")!, "Content-Type": contentType }, body });
}
const postJson = (path: string, body: unknown) => post(path, JSON.stringify(body), "application/json");

/** A loader's or action's answer as status and JSON, whether returned or thrown. */
async function answer(run: () => Promise<unknown>): Promise<{ status: number; body: unknown; location: string | null }> {
  let result: unknown;
  try {
    result = await run();
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  if (result instanceof Response) {
    const text = await result.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // plain text
    }
    return { status: result.status, body, location: result.headers.get("Location") };
  }
  const withInit = result as { data: unknown; init?: { status?: number } | null };
  return { status: withInit.init?.status ?? 200, body: JSON.parse(JSON.stringify(withInit.data)), location: null };
}

const validForm = {
  id: "mug",
  name: "Camp mug",
  status: "active",
  surfaces: ["post_purchase", "thank_you"],
  priority: "3",
  productKind: "fixed",
  productId: SOCKS.productId,
  variantId: SOCKS.variantId,
  quantity: "1",
  discountKind: "percentage",
  discountValue: "15",
  timeZone: "UTC",
  targeting: '{"all":[{"type":"order_value","min":"10.00"}]}',
  arms: '[{"id":"a","weight":50},{"id":"b","weight":50,"discount":{"kind":"percentage","percent":"25"}}]',
};

beforeAll(async () => {
  for (const shop of [SHOP, OTHER]) {
    await sessionStorage.storeSession(new Session({ id: `offline_${shop}`, shop, state: "", isOnline: false, scope: "read_products,write_discounts", accessToken: `shpat_${shop}` }));
    await prisma().shop.create({ data: { shop, currencyCode: "USD" } });
  }
  await saveOffer(prisma(), SHOP, { id: "socks", name: "Socks", surfaces: ["post_purchase"], priority: 5, product: { kind: "fixed", ...SOCKS }, discount: { kind: "percentage", percent: "10" } });
  await saveOffer(prisma(), OTHER, { id: "secret", name: "Other shop's offer", product: { kind: "fixed", ...SOCKS } });
  const at = new Date();
  await prisma().order.create({ data: { shop: SHOP, id: ORDER, name: "#7001", customerId: null, currencyCode: "USD", totalPrice: "50.00", processedAt: at, shopifyUpdatedAt: at } });
  await prisma().lineItem.create({ data: { shop: SHOP, id: "gid://shopify/LineItem/70011", orderId: ORDER, productId: "gid://shopify/Product/1", variantId: "gid://shopify/ProductVariant/11", title: "Shirt", quantity: 1, price: "50.00" } });
  await prisma().offerEvent.createMany({
    data: ["o1", "o2", "o3", "o4"].map((orderKey) => ({ shop: SHOP, offerId: "socks", armId: "", surface: "post_purchase", orderKey, kind: "impression" })),
  });
  await prisma().offerDecision.create({
    data: { shop: SHOP, referenceId: "o1", offerId: "socks", armId: "", purchaseKey: "11x1", variantId: SOCKS.variantId, quantity: 1, unitPrice: "20.00", discountedUnitPrice: "18.00", currencyCode: "USD", decision: "accepted", jti: "j", changesetToken: "t", revenue: "18.00", discountGiven: "2.00" },
  });
});

beforeEach(() => {
  admin = new FakeAdmin().addProduct({ id: SOCKS.productId, title: "Wool socks", variants: [{ id: SOCKS.variantId, price: "20.00", inventoryQuantity: 5 }] });
  admin.addProduct({ id: "gid://shopify/Product/1", title: "Shirt", variants: [{ id: "gid://shopify/ProductVariant/11", price: "50.00", inventoryQuantity: 3 }] });
  setAbstractFetchFunc(admin.fetch);
});

describe("/app/offers", () => {
  it("GIVEN offers with views and an accept WHEN the list loads THEN each shows status and key numbers, and no other shop's offer", async () => {
    const { status, body } = await answer(async () => listRoute.loader(args(await asAdmin("/app/offers"))));

    expect(status).toBe(200);
    const rows = (body as { rows: Array<{ id: string; status: string; results: { total: Record<string, unknown> } }> }).rows;
    expect(rows.map((row) => row.id)).toEqual(["socks"]);
    expect(rows[0]!.results.total).toMatchObject({ impressions: 4, accepts: 1, conversion: 0.25, revenue: "18.00" });
  });

  it("GIVEN an active offer WHEN paused from the list THEN it is paused; GIVEN a bad status THEN 422", async () => {
    const paused = await answer(async () => listRoute.action(args(await post("/app/offers", new URLSearchParams({ offerId: "socks", status: "paused" }), "application/x-www-form-urlencoded"))));
    const invalid = await answer(async () => listRoute.action(args(await post("/app/offers", new URLSearchParams({ offerId: "socks", status: "deleted" }), "application/x-www-form-urlencoded"))));
    await answer(async () => listRoute.action(args(await post("/app/offers", new URLSearchParams({ offerId: "socks", status: "active" }), "application/x-www-form-urlencoded"))));

    expect(paused).toMatchObject({ status: 200, body: { ok: true, status: "paused" } });
    expect(invalid.status).toBe(422);
  });
});

describe("/app/offers/:id", () => {
  it("GIVEN another shop's offer id WHEN the editor loads THEN it is 404", async () => {
    expect((await answer(async () => editorRoute.loader(args(await asAdmin("/app/offers/secret"), { id: "secret" })))).status).toBe(404);
  });

  it("GIVEN an existing offer WHEN the editor loads THEN the form, the live price for the preview and the results are there", async () => {
    const { body } = await answer(async () => editorRoute.loader(args(await asAdmin("/app/offers/socks"), { id: "socks" })));

    expect(body).toMatchObject({ isNew: false, form: { id: "socks", discountKind: "percentage", discountValue: "10" }, previewPrice: "20.00", productTitle: "Wool socks", results: { total: { accepts: 1 } } });
  });

  it("GIVEN invalid fields WHEN a new offer is saved THEN it is 422 with a message on each form field and nothing is stored", async () => {
    const values = { ...validForm, name: "", variantId: "901", discountValue: "150", targeting: "{not json" };

    const { status, body } = await answer(async () => editorRoute.action(args(await postJson("/app/offers/new", { intent: "save", values }), { id: "new" })));

    expect(status).toBe(422);
    expect(Object.keys((body as { fieldErrors: Record<string, string[]> }).fieldErrors)).toEqual(["targeting"]);
    const fixed = await answer(async () => editorRoute.action(args(await postJson("/app/offers/new", { intent: "save", values: { ...values, targeting: "{}" } }), { id: "new" })));
    expect(Object.keys((fixed.body as { fieldErrors: Record<string, string[]> }).fieldErrors).sort()).toEqual(["discountValue", "name", "targeting", "variantId"]);
    expect(await prisma().offer.count({ where: { shop: SHOP, id: "mug" } })).toBe(0);
  });

  it("GIVEN a valid new offer with an A/B test WHEN saved THEN it is stored and the editor redirects to it; saving a new one with the same id is 422", async () => {
    const saved = await answer(async () => editorRoute.action(args(await postJson("/app/offers/new", { intent: "save", values: validForm }), { id: "new" })));
    const duplicate = await answer(async () => editorRoute.action(args(await postJson("/app/offers/new", { intent: "save", values: validForm }), { id: "new" })));

    expect(saved.status).toBe(302);
    expect(saved.location).toContain("/app/offers/mug");
    const stored = JSON.parse((await prisma().offer.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id: "mug" } } })).document);
    expect(stored).toMatchObject({ priority: 3, arms: [{ id: "a" }, { id: "b", discount: { percent: "25" } }], targeting: { all: [{ type: "order_value", min: "10.00" }] } });
    expect(duplicate).toMatchObject({ status: 422, body: { fieldErrors: { id: [expect.any(String)] } } });
  });

  it("GIVEN a real order WHEN simulated on the post-purchase page THEN the chosen offer and the reasons for every other offer come back", async () => {
    await saveOffer(prisma(), SHOP, { id: "ty-only", name: "Thank-you only", surfaces: ["thank_you"], product: { kind: "fixed", ...SOCKS } });

    const { status, body } = await answer(async () => editorRoute.action(args(await postJson("/app/offers/socks", { intent: "simulate", orderId: ORDER, surface: "post_purchase" }), { id: "socks" })));

    expect(status).toBe(200);
    const simulation = (body as { simulation: { chosen: { offerId: string } | null; offers: Array<{ offerId: string; chosen: boolean; reasons: string[] }> } }).simulation;
    expect(simulation.chosen?.offerId).toBeDefined();
    const thankYouOnly = simulation.offers.find((offer) => offer.offerId === "ty-only")!;
    expect(thankYouOnly.reasons).toContain("The offer is not shown on the post purchase surface.");
    expect(simulation.offers.filter((offer) => offer.chosen)).toHaveLength(1);
  });

  it("GIVEN another shop's order WHEN simulated THEN it is 404", async () => {
    const { status } = await answer(async () => editorRoute.action(args(await postJson("/app/offers/socks", { intent: "simulate", orderId: "gid://shopify/Order/404", surface: "thank_you" }), { id: "socks" })));

    expect(status).toBe(404);
  });
});
