import { beforeEach, describe, expect, it } from "vitest";
import { clearCollectionsCache, collectionsOfProducts, COLLECTIONS_TTL_MS } from "../product-collections.server";
import { FakeAdmin } from "./fake-admin";

const SHIRT = "gid://shopify/Product/1";
const GONE = "gid://shopify/Product/404";
const lookups = (admin: FakeAdmin) => admin.operations.filter((operation) => operation === "OfferProductCollections").length;

let admin: FakeAdmin;
beforeEach(() => {
  clearCollectionsCache();
  admin = new FakeAdmin().addProduct({ id: SHIRT, title: "Shirt", collections: ["gid://shopify/Collection/7"], variants: [] });
});

describe("collectionsOfProducts", () => {
  it("GIVEN a product asked for twice within the TTL THEN Shopify is asked once; a deleted product counts as in no collection", async () => {
    const first = await collectionsOfProducts(admin.client, "a.myshopify.com", [SHIRT, GONE, SHIRT], 1_000);
    const second = await collectionsOfProducts(admin.client, "a.myshopify.com", [SHIRT, GONE], 1_000 + COLLECTIONS_TTL_MS - 1);

    expect(first).toEqual({ [SHIRT]: ["gid://shopify/Collection/7"] });
    expect(second).toEqual({ [SHIRT]: ["gid://shopify/Collection/7"], [GONE]: [] });
    expect(lookups(admin)).toBe(1);
  });

  it("GIVEN the TTL passed WHEN asked again THEN the product's collections are read afresh", async () => {
    await collectionsOfProducts(admin.client, "a.myshopify.com", [SHIRT], 1_000);
    admin.products.get(SHIRT)!.collections = ["gid://shopify/Collection/8"];

    const later = await collectionsOfProducts(admin.client, "a.myshopify.com", [SHIRT], 1_000 + COLLECTIONS_TTL_MS);

    expect(later).toEqual({ [SHIRT]: ["gid://shopify/Collection/8"] });
    expect(lookups(admin)).toBe(2);
  });

  it("GIVEN the same product id in two shops THEN each shop's answer is cached apart", async () => {
    await collectionsOfProducts(admin.client, "a.myshopify.com", [SHIRT], 1_000);
    await collectionsOfProducts(admin.client, "b.myshopify.com", [SHIRT], 1_000);

    expect(lookups(admin)).toBe(2);
  });
});
