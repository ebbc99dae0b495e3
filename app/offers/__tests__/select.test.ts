import { describe, expect, it } from "vitest";
import { type OfferInput } from "../offer-schema";
import { type RejectionCode } from "../reasons";
import { type ChosenOffer, selectOffer } from "../select";
import { offerHistorySchema, type SelectOfferInput } from "../selection-input";
import { customer, inputWith, offerWith, orderWith, product, variant } from "./fixtures";

const history = (counts: Parameters<typeof offerHistorySchema.parse>[0]) => offerHistorySchema.parse(counts);

function chosen(input: SelectOfferInput): ChosenOffer {
  const selection = selectOffer(input);
  if (selection.offer === null) throw new Error(`expected an offer, got rejections ${JSON.stringify(selection.rejections)}`);
  return selection;
}

function rejectionCodes(input: SelectOfferInput): RejectionCode[] {
  const selection = selectOffer(input);
  expect(selection.offer).toBeNull();
  return selection.rejections.flatMap((rejection) => rejection.reasons.map((r) => r.code));
}

describe("selectOffer: the chosen offer", () => {
  it("GIVEN one eligible 15%-off offer WHEN selected THEN it comes back priced, with why it was chosen", () => {
    const input = inputWith({ offers: [offerWith({ discount: { kind: "percentage", percent: 15 } })] });

    const selection = chosen(input);

    expect(selection.offer.id).toBe("offer-1");
    expect(selection.arm).toBeNull();
    expect(selection.product).toEqual({ productId: product(900), variantId: variant(901), quantity: 1 });
    expect(selection.price).toEqual({ amount: "20.00", currencyCode: "USD" });
    expect(selection.discountAmount).toEqual({ amount: "3.00", currencyCode: "USD" });
    expect(selection.discountedPrice).toEqual({ amount: "17.00", currencyCode: "USD" });
    expect(selection.reasons).toEqual([{ code: "only_eligible_offer", params: {} }]);
    expect(selection.rejections).toEqual([]);
  });

  it.each<[string, OfferInput["discount"], string | undefined, string, string]>([
    ["a fixed amount larger than the price", { kind: "fixed_amount", amount: "25.00" }, undefined, "0.00", "discount_capped_at_price"],
    ["a percentage over the merchant's maximum", { kind: "percentage", percent: 50 }, "4.00", "16.00", "discount_capped_at_merchant_max"],
  ])("GIVEN %s WHEN selected THEN the capped price is offered and the cap is a reason", (_label, discount, maxDiscount, pays, code) => {
    const selection = chosen(inputWith({ offers: [offerWith({ discount, maxDiscount })] }));
    expect(selection.discountedPrice.amount).toBe(pays);
    expect(selection.reasons.map((r) => r.code)).toContain(code);
  });

  it("GIVEN a JPY shop WHEN a 10% offer on a ¥1,005 product is selected THEN prices are whole yen", () => {
    const selection = chosen(
      inputWith({
        order: orderWith({ currency: "JPY", totalPrice: "5000", lines: [] }),
        catalog: { [variant(901)]: { productId: product(900), price: "1005", available: 3 } },
        offers: [offerWith({ discount: { kind: "percentage", percent: 10 } })],
      }),
    );
    expect([selection.price, selection.discountAmount, selection.discountedPrice]).toEqual([
      { amount: "1005", currencyCode: "JPY" },
      { amount: "101", currencyCode: "JPY" },
      { amount: "904", currencyCode: "JPY" },
    ]);
  });

  it("GIVEN no offers WHEN selected THEN there is no offer and nothing to explain", () => {
    expect(selectOffer(inputWith({ offers: [] }))).toEqual({ offer: null, rejections: [] });
  });
});

describe("selectOffer: eligibility", () => {
  it.each<[string, Partial<OfferInput>, Partial<SelectOfferInput>, RejectionCode[]]>([
    ["a paused offer", { status: "paused" }, {}, ["not_active"]],
    ["an archived offer", { status: "archived" }, {}, ["not_active"]],
    ["an offer for another surface", { surfaces: ["thank_you"] }, {}, ["surface_not_enabled"]],
    ["an offer that starts tomorrow", { schedule: { startsAt: "2026-07-16T00:00", timeZone: "UTC" } }, {}, ["not_started"]],
    ["an offer that ended", { schedule: { endsAt: "2026-07-15T12:00", timeZone: "UTC" } }, {}, ["ended"]],
    ["targeting that does not match", { targeting: { type: "shipping_country", countries: ["FR"] } }, {}, ["targeting_not_met"]],
    ["a customer at their limit", { limits: { maxPerCustomer: 1 } }, { history: history({ acceptedByCustomer: { "offer-1": 1 } }) }, ["max_per_customer_reached"]],
    ["an offer at its accept limit", { limits: { maxAccepts: 100 } }, { history: history({ acceptedTotal: { "offer-1": 100 } }) }, ["accept_limit_reached"]],
    [
      "a discount budget this accept would overrun",
      { discount: { kind: "fixed_amount", amount: "3.00" }, limits: { discountBudget: "10.00" } },
      { history: history({ discountGiven: { "offer-1": "7.01" } }) },
      ["discount_budget_exhausted"],
    ],
    ["a deleted variant (missing from the catalog)", {}, { catalog: {} }, ["variant_unavailable"]],
    [
      "a variant that now belongs to another product",
      {},
      { catalog: { [variant(901)]: { productId: product(999), price: "20.00", available: 5 } } },
      ["variant_unavailable"],
    ],
    ["a sold-out variant", {}, { catalog: { [variant(901)]: { productId: product(900), price: "20.00", available: 0 } } }, ["out_of_stock"]],
    ["an oversold variant", {}, { catalog: { [variant(901)]: { productId: product(900), price: "20.00", available: -3 } } }, ["out_of_stock"]],
    ["less stock than the offered quantity", { quantity: 2 }, { catalog: { [variant(901)]: { productId: product(900), price: "20.00", available: 1 } } }, ["out_of_stock"]],
    ["a product already in the order", { product: { kind: "fixed", productId: product(1), variantId: variant(12) } }, {
      catalog: { [variant(12)]: { productId: product(1), price: "50.00", available: 5 } },
    }, ["already_in_order"]],
    ["an A/B test with every arm paused", { arms: [{ id: "A", weight: 0 }, { id: "B", weight: 0 }] }, {}, ["no_active_arm"]],
    [
      "several problems at once",
      { status: "paused", surfaces: ["tracking_page"], limits: { maxPerCustomer: 1 } },
      { history: history({ acceptedByCustomer: { "offer-1": 2 } }) },
      ["not_active", "surface_not_enabled", "max_per_customer_reached"],
    ],
  ])("GIVEN %s WHEN selected THEN it is rejected for %j", (_label, offerOverrides, inputOverrides, codes) => {
    expect(rejectionCodes(inputWith({ offers: [offerWith(offerOverrides)], ...inputOverrides }))).toEqual(codes);
  });

  it.each<[string, Partial<OfferInput>, Partial<SelectOfferInput>]>([
    ["a customer under their limit", { limits: { maxPerCustomer: 2 } }, { history: history({ acceptedByCustomer: { "offer-1": 1 } }) }],
    ["a guest (limits per customer cannot apply)", { limits: { maxPerCustomer: 1 } }, { order: orderWith({ customer: { tags: [], ordersCount: 0 } }) }],
    [
      "a budget this accept exactly uses up",
      { discount: { kind: "fixed_amount", amount: "3.00" }, limits: { discountBudget: "10.00" } },
      { history: history({ discountGiven: { "offer-1": "7.00" } }) },
    ],
    ["untracked inventory", {}, { catalog: { [variant(901)]: { productId: product(900), price: "20.00", available: null } } }],
    ["stock exactly the offered quantity", { quantity: 3 }, { catalog: { [variant(901)]: { productId: product(900), price: "20.00", available: 3 } } }],
    [
      "a replenishable product already in the order",
      { product: { kind: "fixed", productId: product(1), variantId: variant(11) }, replenishable: true },
      { catalog: { [variant(11)]: { productId: product(1), price: "50.00", available: 5 } } },
    ],
    ["a window that started this instant", { schedule: { startsAt: "2026-07-15T12:00", timeZone: "UTC" } }, {}],
    ["an offer for this surface among others", { surfaces: ["thank_you", "order_status"] }, { surface: "order_status" }],
  ])("GIVEN %s WHEN selected THEN the offer is shown", (_label, offerOverrides, inputOverrides) => {
    expect(chosen(inputWith({ offers: [offerWith(offerOverrides)], ...inputOverrides })).offer.id).toBe("offer-1");
  });

  it("GIVEN targeting that fails WHEN rejected THEN the failing conditions are named", () => {
    const offer = offerWith({ targeting: { all: [{ type: "customer_tags", tags: ["wholesale"] }, { type: "order_value", min: "100" }] } });
    expect(selectOffer(inputWith({ offers: [offer] })).rejections).toEqual([
      { offerId: "offer-1", reasons: [{ code: "targeting_not_met", params: { failed: ["customer_tags", "order_value"] } }] },
    ]);
  });
});

describe("selectOffer: recommended products", () => {
  const recommended = offerWith({ product: { kind: "recommended", excludeProductIds: [product(300)] } });
  const catalog = {
    [variant(101)]: { productId: product(1), price: "50.00", available: 5 }, // the shirt already bought
    [variant(301)]: { productId: product(300), price: "9.00", available: 5 }, // excluded by the merchant
    [variant(401)]: { productId: product(400), price: "12.00", available: 0 }, // sold out
    [variant(402)]: { productId: product(400), price: "12.00", available: 2 }, // same product, other size
    [variant(501)]: { productId: product(500), price: "8.00", available: 9 },
  };

  it("GIVEN recommendations WHEN selected THEN the most relevant one not bought, not excluded and in stock is offered", () => {
    const selection = chosen(
      inputWith({
        offers: [recommended],
        catalog,
        recommendations: [
          { productId: product(1), variantIds: [variant(101)] },
          { productId: product(300), variantIds: [variant(301)] },
          { productId: product(600), variantIds: [variant(601)] }, // deleted: not in the catalog
          { productId: product(400), variantIds: [variant(401), variant(402)] },
          { productId: product(500), variantIds: [variant(501)] },
        ],
      }),
    );
    expect(selection.product).toEqual({ productId: product(400), variantId: variant(402), quantity: 1 });
    expect(selection.price.amount).toBe("12.00");
    expect(selection.reasons).toContainEqual({ code: "recommended_for_order", params: { productId: product(400), rank: 3 } });
  });

  it.each<[string, SelectOfferInput["recommendations"]]>([
    ["no recommendations", []],
    ["only products already bought or excluded", [{ productId: product(1), variantIds: [variant(101)] }, { productId: product(300), variantIds: [variant(301)] }]],
    ["only sold-out variants", [{ productId: product(400), variantIds: [variant(401)] }]],
    ["a variant the catalog files under another product", [{ productId: product(700), variantIds: [variant(501)] }]],
  ])("GIVEN %s WHEN selected THEN the offer is not shown", (_label, recommendations) => {
    expect(rejectionCodes(inputWith({ offers: [recommended], catalog, recommendations }))).toEqual(["no_recommendation_available"]);
  });
});

describe("selectOffer: ranking", () => {
  const catalog = {
    [variant(901)]: { productId: product(900), price: "20.00", available: 10 },
    [variant(911)]: { productId: product(910), price: "30.00", available: 10 },
  };
  const cheap = (overrides: Partial<OfferInput> = {}) => offerWith({ id: "cheap", ...overrides });
  const dear = (overrides: Partial<OfferInput> = {}) =>
    offerWith({ id: "dear", product: { kind: "fixed", productId: product(910), variantId: variant(911) }, ...overrides });

  it("GIVEN a higher-priority offer with less expected value WHEN selected THEN priority wins", () => {
    const selection = chosen(inputWith({ catalog, offers: [dear({ priority: 1 }), cheap({ priority: 5 })] }));
    expect(selection.offer.id).toBe("cheap");
    expect(selection.reasons[0]).toEqual({ code: "highest_priority", params: { priority: 5, runnerUp: "dear" } });
    expect(selection.rejections).toEqual([{ offerId: "dear", reasons: [{ code: "outranked", params: { by: "cheap" } }] }]);
  });

  it("GIVEN equal priority and no history WHEN selected THEN the higher-priced offer wins on expected value", () => {
    const selection = chosen(inputWith({ catalog, offers: [cheap(), dear()] }));
    expect(selection.offer.id).toBe("dear");
    // 3000 ¢ × 1/2 vs 2000 ¢ × 1/2 (no history: the smoothed accept rate is 1/2)
    expect(selection.reasons[0]).toEqual({
      code: "highest_expected_value",
      params: { expectedValue: 1500, runnerUpExpectedValue: 1000, runnerUp: "cheap" },
    });
  });

  it("GIVEN equal priority WHEN the cheaper offer converts far better THEN it wins on expected value", () => {
    const selection = chosen(
      inputWith({
        catalog,
        offers: [cheap(), dear()],
        history: history({ impressions: { cheap: 100, dear: 100 }, acceptedTotal: { cheap: 50, dear: 10 } }),
      }),
    );
    // cheap: 2000 × 51/102 = 1000; dear: 3000 × 11/102 ≈ 323.53
    expect(selection.offer.id).toBe("cheap");
    expect(selection.reasons[0]?.params).toEqual({ expectedValue: 1000, runnerUpExpectedValue: 323.53, runnerUp: "dear" });
  });

  it("GIVEN a discount WHEN expected values are compared THEN the discounted price counts", () => {
    const selection = chosen(inputWith({ catalog, offers: [cheap(), dear({ discount: { kind: "percentage", percent: 50 } })] }));
    expect(selection.offer.id).toBe("cheap"); // $20 beats $30 at half price
  });

  it("GIVEN two identical offers WHEN selected in either order THEN the lower id wins, deterministically", () => {
    const b = offerWith({ id: "b" });
    const a = offerWith({ id: "a" });
    for (const offers of [[a, b], [b, a]]) {
      const selection = chosen(inputWith({ offers }));
      expect(selection.offer.id).toBe("a");
      expect(selection.reasons[0]).toEqual({ code: "lowest_offer_id", params: { runnerUp: "b" } });
    }
  });

  it("GIVEN ineligible and outranked offers WHEN selected THEN each is explained", () => {
    const selection = chosen(inputWith({ catalog, offers: [cheap({ status: "paused" }), dear(), offerWith({ id: "third", priority: 0 })] }));
    expect(selection.offer.id).toBe("dear");
    expect(selection.rejections).toEqual([
      { offerId: "cheap", reasons: [{ code: "not_active", params: { status: "paused" } }] },
      { offerId: "third", reasons: [{ code: "outranked", params: { by: "dear" } }] },
    ]);
  });
});

describe("selectOffer: A/B arms", () => {
  const experiment = offerWith({
    discount: { kind: "percentage", percent: 10 },
    arms: [
      { id: "control", weight: 1 },
      { id: "deeper", weight: 1, discount: { kind: "percentage", percent: 25 }, copy: { title: "A quarter off" } },
    ],
  });

  it("GIVEN an experiment WHEN shoppers are assigned THEN each arm's discount applies to its shoppers", () => {
    const prices = new Map<string, string>();
    for (let n = 1; n <= 40; n++) {
      const selection = chosen(inputWith({ offers: [experiment], order: orderWith({ customer: { id: customer(n), tags: [], ordersCount: 1 } }) }));
      prices.set(selection.arm!.id, selection.discountedPrice.amount);
      expect(selection.reasons).toContainEqual({ code: "ab_arm_assigned", params: { arm: selection.arm!.id } });
    }
    expect(Object.fromEntries(prices)).toEqual({ control: "18.00", deeper: "15.00" });
  });

  it("GIVEN a returning customer WHEN they place another order THEN they see the same arm", () => {
    const armFor = (orderId: string) =>
      chosen(inputWith({ offers: [experiment], order: orderWith({ id: orderId, customer: { id: customer(7), tags: [], ordersCount: 2 } }) })).arm!.id;
    expect(new Set(["gid://shopify/Order/1", "gid://shopify/Order/2", "gid://shopify/Order/3"].map(armFor)).size).toBe(1);
  });

  it("GIVEN an arm with its own product WHEN that arm is assigned THEN its product is offered", () => {
    const offer = offerWith({ arms: [{ id: "only", weight: 1, product: { kind: "fixed", productId: product(910), variantId: variant(911) } }] });
    const catalog = { [variant(911)]: { productId: product(910), price: "30.00", available: 1 } };
    expect(chosen(inputWith({ offers: [offer], catalog })).product.variantId).toBe(variant(911));
  });
});
