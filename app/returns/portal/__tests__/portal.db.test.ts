import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConflictError, InvalidInputError, ShopifyApiError, ShopifyUserErrorsError } from "~/errors";
import { useTestDatabase } from "~/test/database";
import { proxyRequest, type ProxyRequestOptions } from "~/tracking-page/__tests__/proxy-requests";
import { SHOP, seedShopRow } from "~/tracking-page/__tests__/order-fixture";
import { CurrencyMismatchError } from "../../money";
import { localDiskPhotoStorage } from "../../photo-store.server";
import { decodeDraft } from "../draft";
import { handleReturnStep, showReturnItems, showReturnPortal, showReturnStatus, type PortalDeps } from "../portal.server";
import { ADA, BO, EXCHANGE_OPTIONS, fakeBackend, NOW, ORDER, POLICY, SCARF, SHIRT, type FakeBackend } from "./portal-fixture";

const database = useTestDatabase();
const photoDirectory = mkdtempSync(join(tmpdir(), "aftercare-portal-photos-"));
let backend: FakeBackend;
let deps: PortalDeps;

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);

beforeAll(async () => {
  setAbstractFetchFunc(async (input) => {
    throw new Error(`unexpected outbound fetch to ${String(input instanceof Request ? input.url : input)}`);
  });
  const prisma = database.get().prisma;
  await seedShopRow(prisma, SHOP);
  const at = new Date("2026-11-01T10:00:00Z");
  const order = (id: string, name: string, customerId: string, processedAt: Date) =>
    prisma.order.create({ data: { shop: SHOP, id, name, customerId, processedAt, shopifyUpdatedAt: processedAt } });
  await order(ORDER.gid, "#5001", ADA.gid, at);
  await order("gid://shopify/Order/5002", "#5002", ADA.gid, new Date("2026-10-01T10:00:00Z"));
  await order("gid://shopify/Order/5003", "#5003-BO", BO.gid, at);
});

afterAll(() => rmSync(photoDirectory, { recursive: true, force: true }));

beforeEach(() => {
  backend = fakeBackend();
  deps = { db: database.get().prisma, backend, photos: localDiskPhotoStorage(photoDirectory), now: () => NOW, exchangeOptions: async () => EXCHANGE_OPTIONS };
});

const as = (customer: { legacyId: string } | null, extra: ProxyRequestOptions = {}): ProxyRequestOptions => ({ customerId: customer?.legacyId ?? "", ...extra });

async function answer(run: () => Promise<Response>): Promise<{ status: number; body: string }> {
  try {
    const response = await run();
    return { status: response.status, body: await response.text() };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: await thrown.text() };
    throw thrown;
  }
}

const openPortal = (options: ProxyRequestOptions) => answer(() => showReturnPortal(proxyRequest(SHOP, "/returns", options), deps));
const openOrder = (orderId: string, options: ProxyRequestOptions) => answer(() => showReturnItems(proxyRequest(SHOP, `/returns/${orderId}`, options), orderId, deps));
const post = (fields: Record<string, string>, options: ProxyRequestOptions = as(ADA), orderId = ORDER.legacyId) =>
  answer(() => handleReturnStep(proxyRequest(SHOP, `/returns/${orderId}`, { ...options, form: fields }), orderId, deps));
const postMultipart = (form: FormData) => answer(() => handleReturnStep(proxyRequest(SHOP, `/returns/${ORDER.legacyId}`, { ...as(ADA), multipart: form }), ORDER.legacyId, deps));

const hidden = (body: string, name: string) => body.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1] ?? null;
const text = (body: string) => body.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ");

/** Walks the steps to the page after `until`, returning each page's body. */
async function walk(until: "items" | "reasons" | "outcome" | "method") {
  const items = await post({ step: "items", [`quantity:${SHIRT}`]: "1" });
  if (until === "items") return items;
  const reasonsForm = new FormData();
  reasonsForm.set("step", "reasons");
  reasonsForm.set("draft", hidden(items.body, "draft")!);
  reasonsForm.set(`reason:${SHIRT}`, "size_too_large");
  const reasons = await postMultipart(reasonsForm);
  if (until === "reasons") return reasons;
  const outcome = await post({ step: "outcome", draft: hidden(reasons.body, "draft")!, outcome: "store_credit" });
  if (until === "outcome") return outcome;
  return post({ step: "method", draft: hidden(outcome.body, "draft")!, method: "mail_label" });
}

describe("return portal: who may use it", () => {
  it("GIVEN a visitor who is not logged in WHEN the portal opens THEN a page links to the storefront login and back (401)", async () => {
    const page = await openPortal(as(null));

    expect(page.status).toBe(401);
    expect(page.body).toContain('href="/account/login?return_url=%2Fapps%2Ftrack%2Freturns"');
    expect(text(page.body)).toContain("Log in to start a return");
  });

  it("GIVEN Ada logged in WHEN the portal opens THEN her orders are listed, newest first, and Bo's are not", async () => {
    const page = await openPortal(as(ADA));

    expect(page.status).toBe(200);
    const body = text(page.body);
    expect(body.indexOf("#5001")).toBeLessThan(body.indexOf("#5002"));
    expect(body).not.toContain("#5003-BO");
    expect(page.body).toContain('href="./returns/5001"');
  });

  it("GIVEN an unsigned request naming Ada WHEN the portal opens THEN it is refused (400) before anything is shown", async () => {
    const page = await openPortal(as(ADA, { unsigned: true }));
    expect(page.status).toBe(400);
    expect(page.body).not.toContain("#5001");
  });

  it("GIVEN Bo logged in WHEN he opens Ada's order or posts a step for it THEN 403 and nothing is submitted", async () => {
    expect((await openOrder(ORDER.legacyId, as(BO))).status).toBe(403);
    const step = await post({ step: "items", [`quantity:${SHIRT}`]: "1" }, as(BO));
    expect(step.status).toBe(403);
    expect(text(step.body)).toContain("This order belongs to another account.");
    expect(backend.submitted).toEqual([]);
  });

  it.each([["an unknown order", "9999"], ["an id that is no number", "..%2F5001"]])("GIVEN %s WHEN opened THEN 404", async (_name, id) => {
    expect((await openOrder(id, as(ADA))).status).toBe(404);
  });

  it("GIVEN Shopify failing while the order loads WHEN opened THEN 502 asks to try again later", async () => {
    deps = { ...deps, backend: { ...backend, loadReturnContext: async () => Promise.reject(new ShopifyApiError("Query cost exceeds the limit")) } };
    const page = await openOrder(ORDER.legacyId, as(ADA));
    expect(page.status).toBe(502);
    expect(text(page.body)).toContain("We can't load your order right now. Please try again in a few minutes.");
  });

  it("GIVEN an order paid in another currency than the shop's WHEN opened THEN 409 asks the shopper to contact the store", async () => {
    deps = { ...deps, backend: { ...backend, loadReturnContext: async () => Promise.reject(new CurrencyMismatchError(["EUR", "USD"])) } };
    const page = await openOrder(ORDER.legacyId, as(ADA));
    expect(page.status).toBe(409);
    expect(text(page.body)).toContain("This order can't be returned online. Please contact the store");
  });
});

describe("return portal: step 1, items", () => {
  it("GIVEN Ada's order WHEN opened THEN the shirt has a quantity up to 2 with its window, and the clearance scarf is shown without one and why", async () => {
    const page = await openOrder(ORDER.legacyId, as(ADA));

    expect(page.status).toBe(200);
    expect(page.body).toContain(`name="quantity:${SHIRT}"`);
    expect(page.body).toContain('max="2"');
    expect(page.body).not.toContain(`name="quantity:${SCARF}"`);
    const body = text(page.body);
    expect(body).toContain("Returnable until 5 December");
    expect(body).toContain("Final sale — this item can't be returned");
    expect(Buffer.byteLength(page.body)).toBeLessThan(30 * 1024);
    expect(page.body).not.toContain("<script");
  });

  it("GIVEN ?locale=de WHEN the order opens THEN the portal speaks German", async () => {
    const page = await openOrder(ORDER.legacyId, as(ADA, { query: { locale: "de" } }));
    expect(text(page.body)).toContain("Welche Artikel sendest du zurück?");
    expect(text(page.body)).toContain("Endverkauf — dieser Artikel kann nicht zurückgegeben werden");
    expect(text(page.body)).toContain("Rückgabe möglich bis 5. Dezember");
    expect(page.body).toContain('<html lang="de">');
  });

  it.each([
    ["more than can be returned", { [`quantity:${SHIRT}`]: "3" }, "Linen shirt: choose a whole number from 0 to 2."],
    ["a fraction", { [`quantity:${SHIRT}`]: "1.5" }, "Linen shirt: choose a whole number from 0 to 2."],
    ["a negative number", { [`quantity:${SHIRT}`]: "-1" }, "Linen shirt: choose a whole number from 0 to 2."],
    ["the final-sale scarf (a field the page never showed)", { [`quantity:${SCARF}`]: "1" }, "Silk scarf: choose a whole number from 0 to 0."],
    ["nothing", { [`quantity:${SHIRT}`]: "0" }, "Choose at least one item to return."],
  ])("GIVEN a quantity of %s WHEN posted THEN 422 says what to fix and no draft moves on", async (_name, fields, message) => {
    const page = await post({ step: "items", ...fields });

    expect(page.status).toBe(422);
    expect(text(page.body)).toContain(message);
    expect(hidden(page.body, "step")).toBe("items");
  });

  it("GIVEN one shirt WHEN posted THEN the reasons step asks for a reason, in a multipart form", async () => {
    const page = await walk("items");

    expect(page.status).toBe(200);
    expect(page.body.toLowerCase()).toContain('enctype="multipart/form-data"');
    expect(page.body).toContain(`name="reason:${SHIRT}"`);
    expect(decodeDraft(hidden(page.body, "draft"))?.items).toEqual([{ lineItemId: SHIRT, quantity: 1, note: "", photos: [] }]);
  });
});

describe("return portal: step 2, reasons", () => {
  const reasonsForm = async (fields: Record<string, string>, files: File[] = []) => {
    const items = await walk("items");
    const form = new FormData();
    form.set("step", "reasons");
    form.set("draft", hidden(items.body, "draft")!);
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    for (const file of files) form.append(`photo:${SHIRT}`, file);
    return postMultipart(form);
  };

  it("GIVEN no reason WHEN posted THEN 422 asks for one", async () => {
    const page = await reasonsForm({});
    expect(page.status).toBe(422);
    expect(text(page.body)).toContain("Linen shirt: choose a reason.");
  });

  it("GIVEN a reason the policy does not know WHEN posted THEN 422 asks for one", async () => {
    const page = await reasonsForm({ [`reason:${SHIRT}`]: "bored" });
    expect(page.status).toBe(422);
  });

  it("GIVEN 'defective' without a photo or note WHEN posted THEN 422 shows the engine's explanation of what is needed", async () => {
    const page = await reasonsForm({ [`reason:${SHIRT}`]: "defective" });

    expect(page.status).toBe(422);
    expect(text(page.body)).toContain("Please add a photo of Linen shirt — needed when the reason is “Damaged or defective”");
  });

  it("GIVEN a text file as the photo WHEN posted THEN 422 says photos must be images, and nothing is stored for it", async () => {
    const page = await reasonsForm({ [`reason:${SHIRT}`]: "defective", [`note:${SHIRT}`]: "The seam came apart" }, [new File(["hello"], "photo.jpg", { type: "image/jpeg" })]);

    expect(page.status).toBe(422);
    expect(text(page.body)).toContain("Linen shirt: a photo was not accepted");
    expect(decodeDraft(hidden(page.body, "draft"))?.items[0]?.photos).toEqual([]);
  });

  it("GIVEN a photo over 10 MB WHEN posted THEN 422 says it was not accepted", async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(JPEG);
    const page = await reasonsForm({ [`reason:${SHIRT}`]: "defective", [`note:${SHIRT}`]: "The seam came apart" }, [new File([big], "big.jpg")]);
    expect(page.status).toBe(422);
    expect(text(page.body)).toContain("at most 10 MB");
  });

  it("GIVEN 'defective' with a JPEG and a note WHEN posted THEN the photo key is kept and the outcomes show the 10% store credit bonus", async () => {
    const page = await reasonsForm({ [`reason:${SHIRT}`]: "defective", [`note:${SHIRT}`]: "The seam came apart" }, [new File([JPEG], "seam.jpg")]);

    expect(page.status).toBe(200);
    const draft = decodeDraft(hidden(page.body, "draft"));
    expect(draft?.items[0]).toMatchObject({ reason: "defective", note: "The seam came apart", photos: [expect.stringMatching(/^[0-9a-f]{32}\.jpg$/)] });
    const body = text(page.body);
    expect(body).toContain("Store credit — includes €4.00 bonus credit");
    expect(body).toContain("Exchange for another size or color");
  });
});

describe("return portal: steps 3 and 4, outcome and method", () => {
  it("GIVEN an outcome the engine does not allow (edited form) WHEN posted THEN 422 asks again", async () => {
    const reasons = await walk("reasons");
    const page = await post({ step: "outcome", draft: hidden(reasons.body, "draft")!, outcome: "keep_it" });
    expect(page.status).toBe(422);
    expect(text(page.body)).toContain("Choose what you'd like instead.");
  });

  it("GIVEN an exchange for a size with 1 left WHEN 1 is returned THEN it is accepted; the sold-out choice is refused", async () => {
    const reasons = await walk("reasons");
    const draft = hidden(reasons.body, "draft")!;
    expect(reasons.body).toContain(`name="variant:${SHIRT}"`);

    const unknown = await post({ step: "outcome", draft, outcome: "exchange", [`variant:${SHIRT}`]: "gid://shopify/ProductVariant/999" });
    expect(unknown.status).toBe(422);
    expect(text(unknown.body)).toContain("Linen shirt: choose a new size or color.");

    const accepted = await post({ step: "outcome", draft, outcome: "exchange", [`variant:${SHIRT}`]: "gid://shopify/ProductVariant/33" });
    expect(accepted.status).toBe(200);
    expect(decodeDraft(hidden(accepted.body, "draft"))).toMatchObject({ outcome: "exchange", exchange: [{ lineItemId: SHIRT, variantId: "gid://shopify/ProductVariant/33" }] });
  });

  it("GIVEN exchanges but no inventory source WHEN the outcomes show THEN exchange is not offered and the page says so", async () => {
    deps = { ...deps, exchangeOptions: async () => null };
    const reasons = await walk("reasons");
    expect(reasons.body).not.toContain('value="exchange"');
    expect(text(reasons.body)).toContain("Exchanges can't be chosen online right now.");
  });

  it("GIVEN store credit WHEN posted THEN the offered methods show with their fees", async () => {
    const page = await walk("outcome");
    expect(page.status).toBe(200);
    const body = text(page.body);
    expect(body).toContain("Prepaid shipping label — Return shipping: €4.95");
    expect(body).toContain("Return in store — Free");
    expect(page.body).not.toContain('value="drop_off"');
  });

  it("GIVEN a method the shop does not offer WHEN posted THEN 422 asks again", async () => {
    const outcome = await walk("outcome");
    const page = await post({ step: "method", draft: hidden(outcome.body, "draft")!, method: "drop_off" });
    expect(page.status).toBe(422);
    expect(text(page.body)).toContain("Choose how you'll send the items back.");
  });
});

describe("return portal: review, submit and status", () => {
  it("GIVEN every step answered WHEN the review shows THEN it lists items, explanations, fees and totals, with an idempotency key", async () => {
    const review = await walk("method");

    expect(review.status).toBe(200);
    const body = text(review.body);
    expect(body).toContain("Linen shirt × 1");
    expect(body).toContain("Return shipping (prepaid label): €4.95");
    expect(body).toContain("Value of returned items €40.00");
    expect(body).toContain("Store credit €38.56");
    expect(body).toContain("of which bonus €3.51");
    expect(hidden(review.body, "idempotencyKey")).toMatch(/^[0-9a-f-]{36}$/);
    expect(Buffer.byteLength(review.body)).toBeLessThan(30 * 1024);
  });

  it("GIVEN an exchange for a pricier size with an exchange bonus WHEN the review shows THEN the bonus follows the new items, not the returned ones", async () => {
    const exchangeBonus = { ...POLICY, outcomes: { ...POLICY.outcomes, exchangeBonusPercent: 10 } };
    const xl = { productId: "gid://shopify/Product/21", variantId: "gid://shopify/ProductVariant/34", productTitle: "Linen shirt", title: "XL", price: "44.00", available: 3, availableForSale: true };
    deps = {
      ...deps,
      backend: { ...backend, loadReturnContext: async (input) => ({ ...(await backend.loadReturnContext(input)), policy: exchangeBonus }) },
      exchangeOptions: async () => new Map([[SHIRT, [...EXCHANGE_OPTIONS.get(SHIRT)!, xl]]]),
    };
    const reasons = await walk("reasons");
    const outcome = await post({ step: "outcome", draft: hidden(reasons.body, "draft")!, outcome: "exchange", [`variant:${SHIRT}`]: xl.variantId });
    const review = await post({ step: "method", draft: hidden(outcome.body, "draft")!, method: "mail_label" });

    expect(review.status).toBe(200);
    const body = text(review.body);
    // 40.00 less 4.95 shipping is 35.05; its 10% (3.51) pays toward the 44.00 shirt, the shopper pays the rest.
    expect(body).toContain("Value of returned items €40.00 Fees €4.95 New items €44.00 Exchange bonus €3.51 You pay €5.44");
    expect(body).not.toContain("of which bonus");
  });

  it("GIVEN the review WHEN submitted THEN the backend gets the request with the key and the status page shows", async () => {
    const review = await walk("method");
    const key = hidden(review.body, "idempotencyKey")!;

    const page = await post({ step: "submit", draft: hidden(review.body, "draft")!, idempotencyKey: key });

    expect(page.status).toBe(200);
    expect(backend.submitted).toEqual([
      expect.objectContaining({
        shop: SHOP,
        customerId: ADA.gid,
        orderId: ORDER.gid,
        idempotencyKey: key,
        request: { items: [{ lineItemId: SHIRT, quantity: 1, reason: "size_too_large", note: "", photoCount: 0 }], outcome: "store_credit", method: "mail_label" },
        photos: [],
      }),
    ]);
    const body = text(page.body);
    expect(body).toContain("Thank you — your return request was sent.");
    expect(body).toContain("Requested — waiting for review");
  });

  it.each([
    ["a second click while the first submit runs", new ConflictError("still being submitted"), 409, "This return is already being sent."],
    ["an exchange size sold out since the review", new InvalidInputError({ "request.exchange.items.0.variantId": ["is sold out"] }), 422, "is no longer available"],
    ["Shopify refusing the request", new ShopifyUserErrorsError([{ field: ["returnLineItems"], message: "already returned" }]), 422, "The store could not accept this request."],
  ])("GIVEN %s WHEN submitted THEN the review page says so (not a crash)", async (_case, error, status, message) => {
    const review = await walk("method");
    backend.submitReturnRequest = async () => Promise.reject(error);

    const page = await post({ step: "submit", draft: hidden(review.body, "draft")!, idempotencyKey: hidden(review.body, "idempotencyKey")! });

    expect(page.status).toBe(status);
    expect(text(page.body)).toContain(message);
    expect(hidden(page.body, "idempotencyKey")).toBeTruthy();
  });

  it("GIVEN Shopify unreachable at submit WHEN submitted THEN the shopper is asked to try again later (502)", async () => {
    const review = await walk("method");
    backend.submitReturnRequest = async () => Promise.reject(new ShopifyApiError("Shopify answered 503"));

    const page = await post({ step: "submit", draft: hidden(review.body, "draft")!, idempotencyKey: hidden(review.body, "idempotencyKey")! });

    expect(page.status).toBe(502);
    expect(text(page.body)).toContain("We can't load your order right now.");
  });

  it("GIVEN a submit without an idempotency key WHEN posted THEN 422 and nothing is submitted", async () => {
    const review = await walk("method");
    const page = await post({ step: "submit", draft: hidden(review.body, "draft")! });
    expect(page.status).toBe(422);
    expect(backend.submitted).toEqual([]);
  });

  it("GIVEN a draft edited to ask for 2 shirts more than the order has WHEN submitted THEN the backend's decision refuses it (422) with the reason", async () => {
    const review = await walk("method");
    const draft = decodeDraft(hidden(review.body, "draft"))!;
    const forged = Buffer.from(JSON.stringify({ ...draft, items: [{ ...draft.items[0], quantity: 4 }] })).toString("base64url");

    const page = await post({ step: "submit", draft: forged, idempotencyKey: hidden(review.body, "idempotencyKey")! });

    expect(page.status).toBe(422);
    expect(text(page.body)).toContain("You can return up to 2 of Linen shirt");
  });

  it.each([["garbage", "not-a-draft"], ["a line of another order", Buffer.from(JSON.stringify({ items: [{ lineItemId: "gid://shopify/LineItem/999", quantity: 1 }] })).toString("base64url")]])(
    "GIVEN a draft that is %s WHEN a step is posted THEN 422 asks to start again",
    async (_name, draft) => {
      const page = await post({ step: "method", draft, method: "mail_label" });
      expect(page.status).toBe(422);
      expect(text(page.body)).toContain("Your return form was changed or has expired. Please start again.");
    },
  );

  it("GIVEN Ada's return WHEN Bo opens its status THEN 403; Ada sees it", async () => {
    const status = (customer: typeof ADA) => answer(() => showReturnStatus(proxyRequest(SHOP, "/returns/status/case-1", as(customer)), "case-1", deps));
    expect((await status(BO)).status).toBe(403);
    const mine = await status(ADA);
    expect(mine.status).toBe(200);
    expect(text(mine.body)).toContain("Return requested");
  });
});
