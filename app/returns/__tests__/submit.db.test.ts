import { describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, httpStatusOf, InvalidInputError, NotFoundError, ShopifyUserErrorsError } from "~/errors";
import { useTestDatabase } from "~/test/database";
import { CurrencyMismatchError } from "../money";
import type { PhotoStorage } from "../photo-store.server";
import { saveReturnPolicy } from "../policy-store.server";
import { loadReturnContext, loadReturnSummary, submitReturnRequest } from "../submit.server";
import { rejected } from "./fake-admin";
import {
  CAP,
  CUSTOMER,
  depsFor,
  fakeShopify,
  MUG,
  MUG_FLI,
  MUG_PRODUCT,
  MUG_RED_VARIANT,
  ORDER,
  OTHER_CUSTOMER,
  refundOneMug,
  returnableAnswer,
  seedDeliveredOrder,
} from "./returns-scenario";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
let counter = 0;

async function freshShop(): Promise<string> {
  const shop = `returns-${++counter}-${Date.now()}.myshopify.com`;
  await seedDeliveredOrder(prisma(), shop);
  return shop;
}

describe("submitReturnRequest", () => {
  it("GIVEN a delivered order WHEN the shopper asks to return one mug for a refund THEN Shopify gets a returnRequest and the case is recorded as requested", async () => {
    const shop = await freshShop();
    const shopify = fakeShopify();

    const result = await submitReturnRequest({ ...refundOneMug(), shop }, depsFor(prisma(), shopify));

    expect(result).toMatchObject({ ok: true, status: "requested" });
    expect(shopify.last("AftercareReturnRequest")).toEqual({
      input: { orderId: ORDER, returnLineItems: [{ fulfillmentLineItemId: MUG_FLI, quantity: 1, returnReason: "SIZE_TOO_SMALL", customerNote: null }] },
    });
    if (!result.ok) throw new Error("expected a submitted return");
    expect(result.decision.totals.refund).toEqual({ amount: "15.00", currency: "EUR" });
    const summary = await loadReturnSummary({ shop, customerId: CUSTOMER, returnId: result.returnId }, { db: prisma() });
    expect(summary).toMatchObject({
      name: "#1001-R1",
      status: "requested",
      outcome: "refund",
      items: [{ lineItemId: MUG, title: "Trail Mug", quantity: 1 }],
      refund: { amount: "15.00", currency: "EUR" },
      storeCredit: null,
      label: null,
      timeline: [{ kind: "requested", text: "Return requested" }],
    });
  });

  it("GIVEN a submitted return WHEN the same key is submitted again THEN the first result comes back and Shopify is asked once", async () => {
    const shop = await freshShop();
    const shopify = fakeShopify();
    const deps = depsFor(prisma(), shopify);

    const first = await submitReturnRequest({ ...refundOneMug("double-submit-key"), shop }, deps);
    const second = await submitReturnRequest({ ...refundOneMug("double-submit-key"), shop }, deps);

    expect(second).toEqual(first);
    expect(shopify.count("AftercareReturnRequest")).toBe(1);
    expect(await prisma().returnCase.count({ where: { shop } })).toBe(1);
  });

  it("GIVEN two submits of one key at the same time THEN exactly one Shopify return is created", async () => {
    const shop = await freshShop();
    const shopify = fakeShopify();
    const deps = depsFor(prisma(), shopify);

    const results = await Promise.allSettled([1, 2].map(() => submitReturnRequest({ ...refundOneMug("racing-key-1"), shop }, deps)));

    expect(shopify.count("AftercareReturnRequest")).toBe(1);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toBeInstanceOf(ConflictError);
      else expect(result.value).toMatchObject({ ok: true });
    }
  });

  it("GIVEN another customer's order WHEN they submit a return THEN it is ForbiddenError (403), nothing is written and Shopify is not called", async () => {
    const shop = await freshShop();
    const shopify = fakeShopify();

    await expect(submitReturnRequest({ ...refundOneMug(), shop, customerId: OTHER_CUSTOMER }, depsFor(prisma(), shopify))).rejects.toBeInstanceOf(ForbiddenError);

    expect(shopify.calls).toEqual([]);
    expect(await prisma().returnCase.count({ where: { shop } })).toBe(0);
  });

  it("GIVEN an order paid in USD in a shop that now sells in EUR WHEN a return is submitted THEN it is a CurrencyMismatchError (409) naming both, and nothing is written or created", async () => {
    const shop = await freshShop();
    await prisma().order.update({ where: { shop_id: { shop, id: ORDER } }, data: { currencyCode: "USD" } });
    const shopify = fakeShopify();

    const submitted = submitReturnRequest({ ...refundOneMug(), shop }, depsFor(prisma(), shopify));

    await expect(submitted).rejects.toBeInstanceOf(CurrencyMismatchError);
    await expect(submitted).rejects.toThrow("This order was paid in USD but the shop's prices and return policy are in EUR");
    expect(httpStatusOf(await submitted.catch((error: unknown) => error))).toBe(409);
    expect(shopify.count("AftercareReturnRequest") + shopify.count("AftercareReturnCreate")).toBe(0);
    expect(await prisma().returnCase.count({ where: { shop } })).toBe(0);
  });

  it("GIVEN a shop whose currency is not known yet WHEN a return is submitted THEN the order's own currency is used", async () => {
    const shop = await freshShop();
    await prisma().shop.update({ where: { shop }, data: { currencyCode: null } });

    const result = await submitReturnRequest({ ...refundOneMug(), shop }, depsFor(prisma(), fakeShopify()));

    expect(result.ok && result.decision.totals.refund).toEqual({ amount: "15.00", currency: "EUR" });
  });

  it("GIVEN the app proxy's bare customer id WHEN the owner submits THEN it is accepted as the same customer", async () => {
    const shop = await freshShop();

    const result = await submitReturnRequest({ ...refundOneMug(), shop, customerId: "7001" }, depsFor(prisma(), fakeShopify()));

    expect(result.ok).toBe(true);
  });

  it("GIVEN an order the shop does not have WHEN a return is submitted THEN it is NotFoundError", async () => {
    const shop = await freshShop();

    await expect(
      submitReturnRequest({ ...refundOneMug(), shop, orderId: "gid://shopify/Order/404" }, depsFor(prisma(), fakeShopify())),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("GIVEN one mug already returned WHEN the shopper asks for two THEN the decision says only one is returnable, nothing is written or sent", async () => {
    const shop = await freshShop();
    const shopify = fakeShopify().on("AftercareReturnableFulfillments", () => returnableAnswer(1));
    const input = { ...refundOneMug(), shop };
    input.request.items[0]!.quantity = 2;

    const result = await submitReturnRequest(input, depsFor(prisma(), shopify));

    expect(result.ok).toBe(false);
    expect(result.decision.items[0]!.status).toBe("quantity_exceeds");
    expect(shopify.count("AftercareReturnRequest")).toBe(0);
    expect(await prisma().returnCase.count({ where: { shop } })).toBe(0);
  });

  it("GIVEN a forged quantity beyond what was bought WHEN submitted THEN the engine rejects it and nothing is written", async () => {
    const shop = await freshShop();
    const shopify = fakeShopify();
    const input = { ...refundOneMug(), shop };
    input.request.items[0]!.quantity = 50;

    const result = await submitReturnRequest(input, depsFor(prisma(), shopify));

    expect(result.ok).toBe(false);
    expect(shopify.count("AftercareReturnRequest")).toBe(0);
  });

  it("GIVEN Shopify answers userErrors WHEN submitting THEN the error carries Shopify's message, no case remains and a retry with the key works", async () => {
    const shop = await freshShop();
    const shopify = fakeShopify().on("AftercareReturnRequest", () => ({
      returnRequest: rejected("returnLineItems", "Quantity is not returnable"),
    }));
    const deps = depsFor(prisma(), shopify);

    const failure = submitReturnRequest({ ...refundOneMug("retry-key-1"), shop }, deps);
    await expect(failure).rejects.toBeInstanceOf(ShopifyUserErrorsError);
    await expect(failure).rejects.toThrow("Quantity is not returnable");
    expect(await prisma().returnCase.count({ where: { shop } })).toBe(0);

    shopify.on("AftercareReturnRequest", () => ({ returnRequest: { return: { id: "gid://shopify/Return/77", name: "#1001-R1", status: "REQUESTED" }, userErrors: [] } }));
    expect(await submitReturnRequest({ ...refundOneMug("retry-key-1"), shop }, deps)).toMatchObject({ ok: true });
  });

  it("GIVEN an exchange that an auto-approval rule accepts WHEN submitted with a forged price THEN returnCreate carries the exchange variant and the catalogue price is used", async () => {
    const shop = await freshShop();
    await saveReturnPolicy(prisma(), shop, { autoApproval: [{ outcomes: ["exchange"] }], outcomes: { exchangeBonusPercent: 10 } });
    const shopify = fakeShopify();

    const result = await submitReturnRequest(
      {
        shop,
        customerId: CUSTOMER,
        orderId: ORDER,
        idempotencyKey: "exchange-key-1",
        request: {
          items: [{ lineItemId: MUG, quantity: 1, reason: "color" }],
          outcome: "exchange",
          method: "mail_label",
          exchange: { items: [{ productId: MUG_PRODUCT, variantId: MUG_RED_VARIANT, title: "Mug", unitPrice: "0.01", quantity: 1 }] },
        },
      },
      depsFor(prisma(), shopify),
    );

    expect(result).toMatchObject({ ok: true, status: "open" });
    expect(result.decision.totals.exchangeValue.amount).toBe("19.50");
    expect(shopify.count("AftercareReturnRequest")).toBe(0);
    // The 10% bonus (1.80) pays the 1.50 the red mug costs more; Shopify gets it as the new item's discount.
    expect(shopify.last("AftercareReturnCreate")).toMatchObject({
      returnInput: {
        orderId: ORDER,
        exchangeLineItems: [
          { variantId: MUG_RED_VARIANT, quantity: 1, appliedDiscount: { description: "Exchange bonus", value: { amount: { amount: "1.50", currencyCode: "EUR" } } } },
        ],
      },
    });
    const row = await prisma().returnCase.findFirstOrThrow({ where: { shop } });
    expect(row).toMatchObject({ status: "open", outcome: "exchange", bonusAmount: "1.50" });
    expect(row.approvedAt).not.toBeNull();
  });

  it("GIVEN an exchange variant Shopify does not know WHEN submitted THEN it is InvalidInputError naming the field", async () => {
    const shop = await freshShop();
    const request = {
      items: [{ lineItemId: MUG, quantity: 1, reason: "color" as const }],
      outcome: "exchange" as const,
      method: "mail_label" as const,
      exchange: { items: [{ productId: MUG_PRODUCT, variantId: "gid://shopify/ProductVariant/999", title: "Mug", unitPrice: "1.00", quantity: 1 }] },
    };

    const failure = submitReturnRequest({ shop, customerId: CUSTOMER, orderId: ORDER, idempotencyKey: "unknown-variant", request }, depsFor(prisma(), fakeShopify()));

    await expect(failure).rejects.toBeInstanceOf(InvalidInputError);
    await expect(failure).rejects.toMatchObject({ fieldErrors: { "request.exchange.items.0.variantId": ["is not a product variant of this shop"] } });
  });

  it("GIVEN photos WHEN submitted THEN they count toward the reason's photo requirement and are stored with the case", async () => {
    const shop = await freshShop();
    const photos = photosIn(shop, [PHOTO_KEY]);
    const input = { ...refundOneMug("photo-key-1"), shop, photos: [{ lineItemId: MUG, key: PHOTO_KEY }] };
    input.request.items[0]!.reason = "defective" as never;
    input.request.items[0] = { ...input.request.items[0]!, note: "Cracked handle" } as never;

    const result = await submitReturnRequest(input, { ...depsFor(prisma(), fakeShopify()), photos });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const summary = await loadReturnSummary({ shop, customerId: CUSTOMER, returnId: result.returnId }, { db: prisma() });
    expect(summary.photos).toEqual([{ lineItemId: MUG, key: PHOTO_KEY }]);
  });

  it.each([
    ["a key that was never uploaded", "0123456789abcdef0123456789abcdef.jpg"],
    ["a key of another shop's photo", PHOTO_KEY],
    ["something that is not a photo key", "../../etc/passwd"],
  ])("GIVEN %s WHEN submitted THEN it is refused and nothing is sent to Shopify", async (_case, key) => {
    const shop = await freshShop();
    const shopify = fakeShopify();
    const input = { ...refundOneMug("photo-key-forged"), shop, photos: [{ lineItemId: MUG, key }] };

    const submit = submitReturnRequest(input, { ...depsFor(prisma(), shopify), photos: photosIn("another-shop.myshopify.com", [PHOTO_KEY]) });

    await expect(submit).rejects.toMatchObject({ fieldErrors: { photos: ["1 photo(s) were not found — upload them again"] } });
    expect(shopify.calls).toHaveLength(0);
    expect(await prisma().returnCase.count({ where: { shop } })).toBe(0);
  });

  it("GIVEN a bad envelope WHEN submitted THEN it is InvalidInputError before anything is read", async () => {
    const shop = await freshShop();
    const shopify = fakeShopify();

    await expect(submitReturnRequest({ ...refundOneMug("short"), shop }, depsFor(prisma(), shopify))).rejects.toMatchObject({
      fieldErrors: { idempotencyKey: ["must be at least 8 characters"] },
    });
    expect(shopify.calls).toEqual([]);
  });
});

describe("loadReturnSummary and loadReturnContext", () => {
  it("GIVEN Zoë's return WHEN another customer asks for it THEN it is ForbiddenError", async () => {
    const shop = await freshShop();
    const result = await submitReturnRequest({ ...refundOneMug(), shop }, depsFor(prisma(), fakeShopify()));
    if (!result.ok) throw new Error("expected a submitted return");

    await expect(loadReturnSummary({ shop, customerId: OTHER_CUSTOMER, returnId: result.returnId }, { db: prisma() })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("GIVEN a return of another shop's id WHEN asked in this shop THEN it is NotFoundError", async () => {
    const shop = await freshShop();
    const other = await freshShop();
    const result = await submitReturnRequest({ ...refundOneMug(), shop }, depsFor(prisma(), fakeShopify()));
    if (!result.ok) throw new Error("expected a submitted return");

    await expect(loadReturnSummary({ shop: other, customerId: CUSTOMER, returnId: result.returnId }, { db: prisma() })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("GIVEN one mug already returned WHEN the context loads THEN the order says so, with reasons, the policy, Berlin time and earlier returns", async () => {
    const shop = await freshShop();
    const shopify = fakeShopify();
    await submitReturnRequest({ ...refundOneMug(), shop }, depsFor(prisma(), shopify));
    shopify.on("AftercareReturnableFulfillments", () => returnableAnswer(1));

    const context = await loadReturnContext({ shop, customerId: CUSTOMER, orderId: ORDER }, depsFor(prisma(), shopify));

    expect(context.timeZone).toBe("Europe/Berlin");
    expect(context.order.currency).toBe("EUR");
    expect(context.order.deliveredAt).toEqual(new Date("2026-11-20T10:00:00Z"));
    expect(context.order.lines.find((line) => line.lineItemId === MUG)).toMatchObject({
      unitPrice: "18.00",
      discountedUnitPrice: "15.00",
      fulfilledQuantity: 2,
      alreadyReturnedQuantity: 1,
      productType: "Gear",
    });
    expect(context.order.lines.find((line) => line.lineItemId === CAP)).toMatchObject({ alreadyReturnedQuantity: 0 });
    expect(context.reasons).toContainEqual({ handle: "size_too_small", label: "Too small" });
    expect(context.existingReturns).toHaveLength(1);
  });

  it("GIVEN another customer WHEN the context loads THEN it is ForbiddenError without asking Shopify", async () => {
    const shop = await freshShop();
    const shopify = fakeShopify();

    await expect(loadReturnContext({ shop, customerId: OTHER_CUSTOMER, orderId: ORDER }, depsFor(prisma(), shopify))).rejects.toBeInstanceOf(ForbiddenError);
    expect(shopify.calls).toEqual([]);
  });
});

const PHOTO_KEY = "fedcba9876543210fedcba9876543210.jpg";

/** A photo store holding `keys` for `shop` only. */
function photosIn(shop: string, keys: string[]): PhotoStorage {
  const held = new Set(keys.map((key) => `${shop}/${key}`));
  return {
    put: async () => {},
    get: async (forShop, key) => (held.has(`${forShop}/${key}`) ? new Uint8Array([0xff, 0xd8, 0xff]) : null),
    has: async (forShop, key) => held.has(`${forShop}/${key}`),
  };
}
