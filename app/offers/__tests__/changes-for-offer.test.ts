import { describe, expect, it } from "vitest";
import { changesForOffer } from "../changes-for-offer";
import { changesSchema } from "../changeset-schema";
import { type OfferInput } from "../offer-schema";
import { type ChosenOffer, selectOffer } from "../select";
import { inputWith, offerWith, orderWith, product, variant } from "./fixtures";

function chosenWith(overrides: Partial<OfferInput>, currency = "USD", price = "20.00"): ChosenOffer {
  const selection = selectOffer(
    inputWith({
      offers: [offerWith(overrides)],
      order: orderWith({ currency, totalPrice: price }),
      catalog: { [variant(901)]: { productId: product(900), price, available: 5 } },
    }),
  );
  if (!selection.offer) throw new Error("expected an offer");
  return selection;
}

describe("changesForOffer", () => {
  it.each<[string, Partial<OfferInput>, string, string, unknown]>([
    ["an uncapped percentage", { discount: { kind: "percentage", percent: 15 } }, "USD", "20.00", { value: "15", valueType: "percentage", title: "15% off" }],
    ["a fixed amount", { discount: { kind: "fixed_amount", amount: "5" } }, "USD", "20.00", { value: "5.00", valueType: "fixed_amount", title: "5.00 USD off" }],
    [
      "a percentage capped by the merchant (sent as the exact amount)",
      { discount: { kind: "percentage", percent: 50 }, maxDiscount: "4.00" },
      "EUR",
      "20.00",
      { value: "4.00", valueType: "fixed_amount", title: "4.00 EUR off" },
    ],
    ["a fixed amount capped at the price", { discount: { kind: "fixed_amount", amount: "3000" } }, "JPY", "1200", { value: "1200", valueType: "fixed_amount", title: "1200 JPY off" }],
    ["the merchant's own discount title", { discount: { kind: "percentage", percent: 10 }, copy: { title: "Add socks", discountTitle: "Thank-you discount" } }, "USD", "20.00", { value: "10", valueType: "percentage", title: "Thank-you discount" }],
  ])("GIVEN %s WHEN turned into changes THEN add_variant carries the documented discount", (_label, overrides, currency, price, discount) => {
    const changes = changesForOffer(chosenWith(overrides, currency, price));
    expect(changes).toEqual([{ type: "add_variant", variantId: variant(901), quantity: 1, discount }]);
    expect(changesSchema.safeParse(changes).success).toBe(true);
  });

  it("GIVEN no discount WHEN turned into changes THEN add_variant has no discount field", () => {
    expect(changesForOffer(chosenWith({}))).toEqual([{ type: "add_variant", variantId: variant(901), quantity: 1 }]);
  });

  it.each<[string, Partial<OfferInput>, boolean]>([
    ["a shipping fee", { shippingFee: "4.99" }, true],
    ["a shipping fee waived by a free-shipping discount", { shippingFee: "4.99", discount: { kind: "free_shipping" } }, false],
    ["no shipping fee", {}, false],
  ])("GIVEN %s WHEN turned into changes THEN a shipping line is added: %s", (_label, overrides, expected) => {
    const shipping = changesForOffer(chosenWith(overrides)).filter((change) => change.type === "add_shipping_line");
    expect(shipping).toEqual(expected ? [{ type: "add_shipping_line", price: "4.99", title: "Shipping" }] : []);
  });
});
