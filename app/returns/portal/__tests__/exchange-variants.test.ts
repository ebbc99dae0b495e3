import { describe, expect, it } from "vitest";
import { FakeAdmin } from "../../__tests__/fake-admin";
import { returnOrderSchema } from "../../order-schema";
import { exchangeItemsOf, loadExchangeOptions } from "../exchange-variants.server";

const order = returnOrderSchema.parse({
  id: "gid://shopify/Order/1",
  processedAt: "2026-11-01T10:00:00Z",
  currency: "EUR",
  lines: [
    { lineItemId: "gid://shopify/LineItem/1", productId: "gid://shopify/Product/1", variantId: "gid://shopify/ProductVariant/1", title: "Shirt", unitPrice: "40.00", discountedUnitPrice: "40.00", quantity: 2, fulfilledQuantity: 2 },
    { lineItemId: "gid://shopify/LineItem/2", title: "Gift wrap", unitPrice: "2.00", discountedUnitPrice: "2.00", quantity: 1, fulfilledQuantity: 1 },
  ],
});

describe("exchange variants from the Admin API", () => {
  it("GIVEN a shirt and a custom item WHEN options load THEN the shirt's variants come with live inventory (one call, schema-valid) and the custom item gets none", async () => {
    const admin = new FakeAdmin({
      ReturnPortalExchangeVariants: () => ({
        nodes: [
          {
            id: "gid://shopify/Product/1",
            title: "Shirt",
            variants: {
              nodes: [
                { id: "gid://shopify/ProductVariant/1", title: "M", price: "40.00", inventoryQuantity: 3 },
                { id: "gid://shopify/ProductVariant/2", title: "L", price: "42.00", inventoryQuantity: 0 },
              ],
            },
          },
        ],
      }),
    });
    const draft = { items: [{ lineItemId: "gid://shopify/LineItem/1", quantity: 1, note: "", photos: [] }, { lineItemId: "gid://shopify/LineItem/2", quantity: 1, note: "", photos: [] }] };

    const options = await loadExchangeOptions(admin, order, draft);

    expect(admin.calls).toEqual([{ operation: "ReturnPortalExchangeVariants", variables: { ids: ["gid://shopify/Product/1"] } }]);
    expect(options.get("gid://shopify/LineItem/1")?.map((option) => [option.title, option.available, option.availableForSale])).toEqual([
      ["M", 3, true],
      ["L", 0, false],
    ]);
    expect(options.get("gid://shopify/LineItem/2")).toEqual([]);
    expect(exchangeItemsOf({ ...draft, exchange: [{ lineItemId: "gid://shopify/LineItem/1", variantId: "gid://shopify/ProductVariant/2" }] }, options)).toEqual([
      { productId: "gid://shopify/Product/1", variantId: "gid://shopify/ProductVariant/2", title: "Shirt — L", unitPrice: "42.00", quantity: 1 },
    ]);
  });
});
