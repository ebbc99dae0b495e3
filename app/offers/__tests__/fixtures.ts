import { type OfferInput, parseOffer, type Offer } from "../offer-schema";
import { offerHistorySchema, offerOrderSchema, type OfferOrder, type SelectOfferInput } from "../selection-input";

export const product = (n: number) => `gid://shopify/Product/${n}`;
export const variant = (n: number) => `gid://shopify/ProductVariant/${n}`;
export const collection = (n: number) => `gid://shopify/Collection/${n}`;
export const customer = (n: number) => `gid://shopify/Customer/${n}`;

/** A valid offer for product 900 / variant 901, overridden as the test needs. */
export function offerWith(overrides: Partial<OfferInput> = {}): Offer {
  return parseOffer({
    id: "offer-1",
    name: "Matching socks",
    product: { kind: "fixed", productId: product(900), variantId: variant(901) },
    ...overrides,
  });
}

/** A USD order of one $50 shirt (product 1) by a returning customer shipping to the US. */
export function orderWith(overrides: Partial<OfferOrder> = {}): OfferOrder {
  return offerOrderSchema.parse({
    id: "gid://shopify/Order/5001",
    totalPrice: "50.00",
    currency: "USD",
    lines: [
      { productId: product(1), variantId: variant(11), collectionIds: [collection(70)], tags: ["Shirts"], quantity: 1, price: "50.00" },
    ],
    customer: { id: customer(42), tags: ["VIP"], ordersCount: 3 },
    shippingCountry: "US",
    discountCodes: [],
    ...overrides,
  });
}

/** Everything selectOffer needs: variant 901 costs $20.00 with 10 in stock, and no history yet. */
export function inputWith(overrides: Partial<SelectOfferInput> = {}): SelectOfferInput {
  return {
    offers: [offerWith()],
    order: orderWith(),
    catalog: { [variant(901)]: { productId: product(900), price: "20.00", available: 10 } },
    recommendations: [],
    history: offerHistorySchema.parse({}),
    surface: "post_purchase",
    now: new Date("2026-07-15T12:00:00Z"),
    ...overrides,
  };
}
