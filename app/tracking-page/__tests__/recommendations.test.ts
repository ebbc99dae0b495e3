import { afterEach, describe, expect, it, vi } from "vitest";
import { parse, validate } from "graphql";
import { loadSchema } from "../../../sim/graphql/schema";
import type { AdminGraphqlClient } from "~/shopify/admin-graphql.server";
import { clearRecommendationCache, PRODUCT_TYPES_QUERY, recommendedProducts, RELATED_PRODUCTS_QUERY } from "../recommendations.server";

const SHOP = "tea-house.myshopify.com";

const product = (id: string, overrides: object = {}) => ({
  id: `gid://shopify/Product/${id}`,
  title: `Product ${id}`,
  status: "ACTIVE",
  onlineStoreUrl: `https://tea-house.example/products/${id}`,
  featuredImage: { url: `https://cdn.example/${id}.png`, altText: null },
  variants: { nodes: [{ price: "12.50" }] },
  ...overrides,
});

/** An Admin client answering the two documents from fixed data, counting calls. */
function fakeAdmin(related: object[], delayMs = 0): AdminGraphqlClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async graphql(query, options) {
      calls.push(query.includes("nodes(ids") ? "types" : `related:${String(options?.variables?.query)}`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const data = query.includes("nodes(ids")
        ? { nodes: [{ id: "gid://shopify/Product/1", productType: "Teapots" }, { id: "gid://shopify/Product/2", productType: 'Tea "Cups"' }, null] }
        : { products: { nodes: related } };
      return new Response(JSON.stringify({ data }));
    },
  };
}

afterEach(() => {
  clearRecommendationCache();
  vi.restoreAllMocks();
});

describe("recommendedProducts", () => {
  it.each([
    ["product types", PRODUCT_TYPES_QUERY],
    ["related products", RELATED_PRODUCTS_QUERY],
  ])("GIVEN the vendored Admin schema WHEN the %s document is validated THEN it is valid", (_label, document) => {
    expect(validate(loadSchema(), parse(document)).map((error) => error.message)).toEqual([]);
  });

  it("GIVEN related products WHEN recommended THEN ordered, inactive and unlisted products are left out, up to the limit", async () => {
    const admin = fakeAdmin([product("1"), product("5", { status: "DRAFT" }), product("6", { onlineStoreUrl: null }), product("7"), product("8"), product("9")]);

    const products = await recommendedProducts(admin, SHOP, ["gid://shopify/Product/1", "gid://shopify/Product/2"], { limit: 2 });

    expect(products.map((p) => p.productId)).toEqual(["gid://shopify/Product/7", "gid://shopify/Product/8"]);
    expect(products[0]).toMatchObject({ title: "Product 7", url: "https://tea-house.example/products/7", price: "12.50" });
    expect(admin.calls[1]).toBe('related:product_type:"Teapots" OR product_type:"Tea Cups"');
  });

  it("GIVEN a second view of the same order WHEN recommended THEN the cache answers without calling Shopify", async () => {
    const admin = fakeAdmin([product("7")]);

    await recommendedProducts(admin, SHOP, ["gid://shopify/Product/1"]);
    const again = await recommendedProducts(admin, SHOP, ["gid://shopify/Product/1"]);

    expect(again).toHaveLength(1);
    expect(admin.calls).toHaveLength(2);
  });

  it("GIVEN Shopify slower than the timeout WHEN recommended THEN the page gets none now and the cached answer next time", async () => {
    const admin = fakeAdmin([product("7")], 60);

    const first = await recommendedProducts(admin, SHOP, ["gid://shopify/Product/1"], { timeoutMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const later = await recommendedProducts(admin, SHOP, ["gid://shopify/Product/1"], { timeoutMs: 10 });

    expect(first).toEqual([]);
    expect(later.map((p) => p.title)).toEqual(["Product 7"]);
  });

  it("GIVEN the Admin API failing WHEN recommended THEN the page gets none and the failure is remembered briefly", async () => {
    const admin: AdminGraphqlClient & { calls: number } = {
      calls: 0,
      async graphql() {
        this.calls++;
        return new Response("oops", { status: 500 });
      },
    };

    expect(await recommendedProducts(admin, SHOP, ["gid://shopify/Product/1"])).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await recommendedProducts(admin, SHOP, ["gid://shopify/Product/1"])).toEqual([]);
    expect(admin.calls).toBe(1);
  });
});
