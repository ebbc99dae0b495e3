import en from "../../../thank-you-offer/locales/en.default.json" with { type: "json" };
import type { OfferBlockApi, OfferView, SurfaceOfferResponse } from "../contract";

/** A stand-in for the target API: English strings from the extension's own locale file, en-US money. */
export function fakeApi(overrides: Partial<OfferBlockApi> = {}): OfferBlockApi {
  return {
    orderId: "gid://shopify/Order/5001",
    getSessionToken: async () => "session-token",
    translate: (key, replacements = {}) => {
      const template = (en as Record<string, string>)[key];
      if (typeof template !== "string") throw new Error(`missing translation ${key}`);
      return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(replacements[name]));
    },
    formatMoney: (money) => new Intl.NumberFormat("en-US", { style: "currency", currency: money.currencyCode }).format(Number(money.amount)),
    formatDate: (date, options) => new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).format(date),
    ...overrides,
  };
}

export const beanieOffer: OfferView = {
  offerId: "offer_1",
  armId: "arm_b",
  title: "Complete your look",
  body: "Pairs with the jacket you just bought.",
  product: {
    productId: "gid://shopify/Product/7001",
    variantId: "gid://shopify/ProductVariant/8001",
    title: "Wool beanie",
    variantTitle: "Charcoal",
    imageUrl: "https://cdn.example/beanie.jpg",
    url: "https://shop.example/products/wool-beanie",
  },
  quantity: 1,
  originalPrice: { amount: "40.00", currencyCode: "USD" },
  discountedPrice: { amount: "34.00", currencyCode: "USD" },
  discountLabel: "15% off",
};

export const offerAnswer: SurfaceOfferResponse = { offer: beanieOffer, discountCode: null };

export const codeAnswer: SurfaceOfferResponse = {
  offer: null,
  discountCode: { offerId: "offer_2", armId: "", code: "THANKS-7Q2K", title: "A thank-you for your next order", label: "15% off your next order", endsAt: "2026-12-31T23:00:00.000Z" },
};
