import { describe, expect, it } from "vitest";
import { InvalidInputError, NotFoundError, ShopifyUserErrorsError } from "~/errors";
import { useTestDatabase } from "~/test/database";
import { changesetForAccept, recordDecision, recordOfferShown } from "../decision-store.server";
import { issueDiscountCode, liveCodeFor } from "../discount-codes.server";
import { recordOfferEvent } from "../offer-events.server";
import { loadOfferHistory } from "../offer-history.server";
import { getOffer, listOffers, loadActiveOffers, saveOffer, setOfferStatus } from "../offer-store.server";
import { selectOffer, type ChosenOffer } from "../select";
import { FakeAdmin } from "./fake-admin";
import { customer, inputWith, offerWith } from "./fixtures";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
let shopCounter = 0;
const freshShop = () => `offers-store-${++shopCounter}-${Date.now()}.myshopify.com`;
const OTHER_SHOP = "someone-else.myshopify.com";

function chosenOffer(overrides = {}): ChosenOffer {
  const selection = selectOffer(inputWith({ offers: [offerWith({ discount: { kind: "percentage", percent: 10 }, ...overrides })] }));
  if (!selection.offer) throw new Error("fixture offer not eligible");
  return selection;
}

const purchase = (shop: string, referenceId = "ref-1", customerId: string | null = customer(42)) => ({ shop, referenceId, customerId, purchaseKey: "11x1" });
const acceptKey = (shop: string, referenceId = "ref-1") => ({ shop, referenceId, offerId: "offer-1", armId: "" });

describe("offer store", () => {
  it("GIVEN a valid document WHEN saved and read THEN the parsed offer comes back with defaults, scoped to the shop", async () => {
    const shop = freshShop();

    await saveOffer(prisma(), shop, { id: "socks", name: "Socks", product: { kind: "fixed", productId: "gid://shopify/Product/1", variantId: "gid://shopify/ProductVariant/2" } });

    const { offer } = await getOffer(prisma(), shop, "socks");
    expect(offer).toMatchObject({ id: "socks", status: "active", surfaces: ["post_purchase"], priority: 0 });
    await expect(getOffer(prisma(), OTHER_SHOP, "socks")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("GIVEN an invalid document WHEN saved THEN InvalidInputError names the fields and nothing is stored", async () => {
    const shop = freshShop();

    const error = await saveOffer(prisma(), shop, { id: "x", name: "", product: { kind: "fixed", productId: "nope", variantId: "gid://shopify/ProductVariant/2" } }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(InvalidInputError);
    expect(Object.keys((error as InvalidInputError).fieldErrors)).toEqual(expect.arrayContaining(["name", "product.productId"]));
    expect(await listOffers(prisma(), shop)).toEqual([]);
  });

  it("GIVEN offers of several statuses WHEN listed and loaded for the engine THEN the list orders by priority with archived last and the engine gets active ones only", async () => {
    const shop = freshShop();
    const product = { kind: "fixed", productId: "gid://shopify/Product/1", variantId: "gid://shopify/ProductVariant/2" };
    await saveOffer(prisma(), shop, { id: "low", name: "Low", priority: 1, product });
    await saveOffer(prisma(), shop, { id: "high", name: "High", priority: 9, product });
    await saveOffer(prisma(), shop, { id: "old", name: "Old", priority: 99, product, status: "archived" });
    await setOfferStatus(prisma(), shop, "low", "paused");

    expect((await listOffers(prisma(), shop)).map((stored) => stored.offer.id)).toEqual(["high", "low", "old"]);
    expect((await loadActiveOffers(prisma(), shop)).map((offer) => offer.id)).toEqual(["high"]);
  });
});

describe("offer events", () => {
  it("GIVEN the same impression reported twice and once for another order WHEN counted THEN one row per order with the repeat counted", async () => {
    const shop = freshShop();
    const event = { shop, offerId: "offer-1", armId: null, surface: "thank_you" as const, orderKey: "gid://shopify/Order/1", kind: "impression" as const };

    await Promise.all([recordOfferEvent(prisma(), event), recordOfferEvent(prisma(), event)]);
    await recordOfferEvent(prisma(), { ...event, orderKey: "gid://shopify/Order/2" });

    const rows = await prisma().offerEvent.findMany({ where: { shop }, orderBy: { orderKey: "asc" } });
    expect(rows.map((row) => [row.orderKey, row.count])).toEqual([
      ["gid://shopify/Order/1", 2],
      ["gid://shopify/Order/2", 1],
    ]);
    expect((await loadOfferHistory(prisma(), shop, null, "USD")).impressions).toEqual({ "offer-1": 2 });
  });
});

describe("post-purchase decisions", () => {
  it("GIVEN a shown offer WHEN two accepts race to sign THEN both get the same changeset and only one was stored", async () => {
    const shop = freshShop();
    await recordOfferShown(prisma(), purchase(shop), chosenOffer());
    let signed = 0;
    const sign = async (jti: string) => `token-${jti}-${++signed}`;

    const [first, second] = await Promise.all([changesetForAccept(prisma(), acceptKey(shop), sign), changesetForAccept(prisma(), acceptKey(shop), sign)]);
    const replay = await changesetForAccept(prisma(), acceptKey(shop), sign);

    expect(second).toBe(first);
    expect(replay).toBe(first);
    const row = await prisma().offerDecision.findFirstOrThrow({ where: { shop } });
    expect(row.changesetToken).toBe(first);
  });

  it.each([
    ["an offer never shown", { offerId: "offer-2" }],
    ["another arm than the one shown", { armId: "b" }],
  ])("GIVEN %s WHEN an accept asks for a changeset THEN it is refused and nothing is signed", async (_case, tampered) => {
    const shop = freshShop();
    await recordOfferShown(prisma(), purchase(shop), chosenOffer());

    const error = await changesetForAccept(prisma(), { ...acceptKey(shop), ...tampered }, async () => "never").catch((e: unknown) => e);

    expect(error).toBeInstanceOf(InvalidInputError);
    expect((await prisma().offerDecision.findFirstOrThrow({ where: { shop } })).jti).toBeNull();
  });

  it("GIVEN a signed offer WHEN accepted twice THEN it is recorded once with its revenue and discount, and counts for the customer's limit", async () => {
    const shop = freshShop();
    await recordOfferShown(prisma(), purchase(shop), chosenOffer());
    await changesetForAccept(prisma(), acceptKey(shop), async () => "signed");

    const first = await recordDecision(prisma(), { ...acceptKey(shop), decision: "accepted" });
    const replay = await recordDecision(prisma(), { ...acceptKey(shop), decision: "accepted" });

    expect([first.recorded, replay.recorded]).toEqual([true, false]);
    const row = await prisma().offerDecision.findFirstOrThrow({ where: { shop } });
    expect({ decision: row.decision, revenue: row.revenue, discountGiven: row.discountGiven }).toEqual({ decision: "accepted", revenue: "18.00", discountGiven: "2.00" });
    const history = await loadOfferHistory(prisma(), shop, customer(42), "USD");
    expect(history).toMatchObject({ acceptedTotal: { "offer-1": 1 }, acceptedByCustomer: { "offer-1": 1 }, discountGiven: { "offer-1": "2.00" } });
    expect((await loadOfferHistory(prisma(), shop, customer(7), "USD")).acceptedByCustomer).toEqual({});
    // A budget is spent per currency: an order in another currency sees nothing given yet, and nothing breaks.
    expect((await loadOfferHistory(prisma(), shop, customer(42), "KWD")).discountGiven).toEqual({});
  });

  it("GIVEN an offer not yet signed WHEN accepted THEN it is a conflict; GIVEN a decline WHEN accepted afterwards THEN a conflict too", async () => {
    const shop = freshShop();
    await recordOfferShown(prisma(), purchase(shop), chosenOffer());

    await expect(recordDecision(prisma(), { ...acceptKey(shop), decision: "accepted" })).rejects.toMatchObject({ code: "conflict" });
    await recordDecision(prisma(), { ...acceptKey(shop), decision: "declined" });
    await expect(recordDecision(prisma(), { ...acceptKey(shop), decision: "accepted" })).rejects.toMatchObject({ code: "conflict" });
    await expect(changesetForAccept(prisma(), acceptKey(shop), async () => "late")).rejects.toMatchObject({ code: "conflict" });
  });

  it("GIVEN shop B WHEN it decides on shop A's purchase THEN it is refused and A's row is unchanged", async () => {
    const shop = freshShop();
    await recordOfferShown(prisma(), purchase(shop), chosenOffer());

    await expect(recordDecision(prisma(), { ...acceptKey(OTHER_SHOP), decision: "declined" })).rejects.toBeInstanceOf(InvalidInputError);
    expect((await prisma().offerDecision.findFirstOrThrow({ where: { shop } })).decision).toBe("shown");
  });
});

describe("discount codes", () => {
  const request = (shop: string) => ({ shop, offerId: "offer-1", customerId: customer(42), purpose: "next_order" as const, discount: { kind: "percentage" as const, percent: "15" }, title: "Thanks", now: new Date("2026-07-15T12:00:00Z") });

  it("GIVEN a customer WHEN a next-order code is issued twice THEN Shopify creates one customer-only, single-use, expiring code", async () => {
    const shop = freshShop();
    const admin = new FakeAdmin();

    const first = await issueDiscountCode(prisma(), admin.client, request(shop));
    const again = await issueDiscountCode(prisma(), admin.client, request(shop));

    expect(again).toEqual(first);
    expect(first).toMatchObject({ code: expect.stringMatching(/^THANKS-[A-Z2-9]{8}$/), label: "15% off your next order", endsAt: "2026-08-14T12:00:00.000Z" });
    expect(admin.discountCreates).toHaveLength(1);
    expect(admin.discountCreates[0]!.input).toMatchObject({
      code: first!.code,
      context: { customers: { add: [customer(42)] } },
      customerGets: { value: { percentage: 0.15 }, items: { all: true } },
      usageLimit: 1,
      appliesOncePerCustomer: true,
      endsAt: "2026-08-14T12:00:00.000Z",
    });
    expect(await liveCodeFor(prisma(), shop, customer(42), new Date("2026-07-16T00:00:00Z"))).toEqual(first);
    expect(await liveCodeFor(prisma(), shop, customer(42), new Date("2026-09-01T00:00:00Z"))).toBeNull();
  });

  it("GIVEN Shopify answers userErrors WHEN a code is issued THEN ShopifyUserErrorsError carries them and the reservation is released for a retry", async () => {
    const shop = freshShop();
    const admin = new FakeAdmin();
    admin.nextDiscountUserErrors = [{ field: ["basicCodeDiscount", "code"], message: "Code must be unique", code: "TAKEN" }];

    const error = await issueDiscountCode(prisma(), admin.client, request(shop)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ShopifyUserErrorsError);
    expect((error as Error).message).toContain("Code must be unique");
    expect(await prisma().offerDiscountCode.count({ where: { shop } })).toBe(0);
    expect(await issueDiscountCode(prisma(), admin.client, request(shop))).toMatchObject({ label: "15% off your next order" });
  });

  it.each([
    ["no discount", { kind: "none" as const }],
    ["free shipping", { kind: "free_shipping" as const }],
  ])("GIVEN %s WHEN a code is asked for THEN none is created", async (_case, discount) => {
    const admin = new FakeAdmin();

    expect(await issueDiscountCode(prisma(), admin.client, { ...request(freshShop()), discount })).toBeNull();
    expect(admin.operations).toEqual([]);
  });
});
