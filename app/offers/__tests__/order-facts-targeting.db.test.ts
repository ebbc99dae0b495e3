import { beforeEach, describe, expect, it } from "vitest";
import { applyOrderWebhook } from "~/orders/sync.server";
import { samplePayloadWith } from "~/orders/__tests__/shopify-samples";
import { useTestDatabase } from "~/test/database";
import { saveOffer } from "../offer-store.server";
import { offerForPurchase } from "../post-purchase.server";
import { verifyPostPurchaseToken } from "../post-purchase-token.server";
import { clearCollectionsCache } from "../product-collections.server";
import { offerForOrderPage, surfaceOffer } from "../surface-offers.server";
import { FakeAdmin } from "./fake-admin";
import { postPurchaseInputToken } from "./post-purchase-input-token";

// Targeting by collection and by discount code needs facts the order itself does not carry: the collections
// of its products (Admin API, cached) and the codes used (stored from the order webhook). Every surface
// must see them, or such offers never match in practice.

const database = useTestDatabase();
const prisma = () => database.get().prisma;
const CUSTOMER = "gid://shopify/Customer/42";
const RAINWEAR = "gid://shopify/Collection/77";
const SHIRT = { productId: "gid://shopify/Product/1", variantId: "gid://shopify/ProductVariant/11" };
const SOCKS = { productId: "gid://shopify/Product/900", variantId: "gid://shopify/ProductVariant/901" };
const HAT = { productId: "gid://shopify/Product/910", variantId: "gid://shopify/ProductVariant/911" };
const ALL_SURFACES = ["post_purchase", "thank_you", "order_status", "tracking_page"] as const;
let counter = 0;
let admin: FakeAdmin;

/** A shop with a generic offer (socks) and a higher-priority one for orders with a product in Rainwear (hat). */
async function shopWithOffers(): Promise<string> {
  const shop = `collection-targeting-${++counter}.myshopify.com`;
  await prisma().shop.create({ data: { shop, currencyCode: "USD" } });
  await saveOffer(prisma(), shop, { id: "socks", name: "Socks", surfaces: [...ALL_SURFACES], product: { kind: "fixed", ...SOCKS } });
  await saveOffer(prisma(), shop, {
    id: "rain-hat",
    name: "Rain hat",
    priority: 10,
    surfaces: [...ALL_SURFACES],
    targeting: { type: "collections_in_order", collectionIds: [RAINWEAR] },
    product: { kind: "fixed", ...HAT },
  });
  return shop;
}

/** Customer 42's order of one $50 shirt (product 1), stored as the webhook sync stores it. */
async function seedOrder(shop: string, extra: { discountCodes?: string | null } = {}): Promise<string> {
  const orderId = `gid://shopify/Order/${9100 + counter}`;
  const at = new Date();
  await prisma().order.create({ data: { shop, id: orderId, name: "#9100", customerId: CUSTOMER, currencyCode: "USD", totalPrice: "50.00", shippingCountry: "US", processedAt: at, shopifyUpdatedAt: at, ...extra } });
  await prisma().lineItem.create({ data: { shop, id: `gid://shopify/LineItem/${9100 + counter}`, orderId, ...SHIRT, title: "Shirt", quantity: 1, price: "50.00" } });
  return orderId;
}

function fakeAdmin(shirtCollections: string[]): FakeAdmin {
  return new FakeAdmin()
    .addProduct({ id: SHIRT.productId, title: "Shirt", collections: shirtCollections, variants: [{ id: SHIRT.variantId, price: "50.00", inventoryQuantity: 3 }] })
    .addProduct({ id: SOCKS.productId, title: "Wool socks", variants: [{ id: SOCKS.variantId, price: "20.00", inventoryQuantity: 5 }] })
    .addProduct({ id: HAT.productId, title: "Rain hat", variants: [{ id: HAT.variantId, price: "25.00", inventoryQuantity: 5 }] });
}

/** The offer each surface shows for the order (the post-purchase page from Shopify's input token for it). */
async function offersOnEverySurface(shop: string, orderId: string) {
  const context = { shop, customerId: CUSTOMER, orderId };
  const token = await postPurchaseInputToken({ shop, referenceId: `ref-${orderId}` });
  const purchase = await verifyPostPurchaseToken({ token, secret: process.env.SHOPIFY_API_SECRET!, referenceId: `ref-${orderId}` });
  const deps = { client: prisma(), apiKey: process.env.SHOPIFY_API_KEY!, secret: process.env.SHOPIFY_API_SECRET!, adminFor: async () => admin.client };
  return {
    post_purchase: (await offerForPurchase(deps, purchase)).offer?.offerId,
    thank_you: (await surfaceOffer(prisma(), admin.client, context, "thank_you")).offer?.offerId,
    order_status: (await surfaceOffer(prisma(), admin.client, context, "order_status")).offer?.offerId,
    tracking_page: (await offerForOrderPage(prisma(), admin.client, { shop, orderId, surface: "tracking_page" }))?.offerId,
  };
}

beforeEach(() => clearCollectionsCache());

describe("targeting by the collections of the ordered products", () => {
  it("GIVEN an order with a product in the Rainwear collection WHEN each surface asks THEN every one shows the Rainwear offer, with one collections look-up for all", async () => {
    const shop = await shopWithOffers();
    const orderId = await seedOrder(shop);
    admin = fakeAdmin([RAINWEAR, "gid://shopify/Collection/5"]);

    expect(await offersOnEverySurface(shop, orderId)).toEqual({ post_purchase: "rain-hat", thank_you: "rain-hat", order_status: "rain-hat", tracking_page: "rain-hat" });
    expect(admin.operations.filter((operation) => operation === "OfferProductCollections")).toHaveLength(1);
  });

  it("GIVEN an order whose products are in other collections WHEN each surface asks THEN every one shows the generic offer", async () => {
    const shop = await shopWithOffers();
    const orderId = await seedOrder(shop);
    admin = fakeAdmin(["gid://shopify/Collection/5"]);

    expect(await offersOnEverySurface(shop, orderId)).toEqual({ post_purchase: "socks", thank_you: "socks", order_status: "socks", tracking_page: "socks" });
  });

  it("GIVEN no offer targets collections WHEN an offer is chosen THEN collections are not asked for", async () => {
    const shop = `no-collections-${++counter}.myshopify.com`;
    await saveOffer(prisma(), shop, { id: "socks", name: "Socks", surfaces: ["thank_you"], product: { kind: "fixed", ...SOCKS } });
    const orderId = await seedOrder(shop);
    admin = fakeAdmin([RAINWEAR]);

    await surfaceOffer(prisma(), admin.client, { shop, customerId: CUSTOMER, orderId }, "thank_you");

    expect(admin.operations).not.toContain("OfferProductCollections");
  });
});

describe("targeting by the discount codes used", () => {
  async function shopWithCodeOffer(): Promise<string> {
    const shop = `code-targeting-${++counter}.myshopify.com`;
    await saveOffer(prisma(), shop, { id: "socks", name: "Socks", surfaces: ["thank_you", "order_status"], product: { kind: "fixed", ...SOCKS } });
    await saveOffer(prisma(), shop, {
      id: "welcome-hat",
      name: "Welcome hat",
      priority: 10,
      surfaces: ["thank_you", "order_status"],
      targeting: { type: "discount_code_used", codes: ["welcome10"] },
      product: { kind: "fixed", ...HAT },
    });
    return shop;
  }

  it("GIVEN an order webhook naming the code WELCOME10 WHEN it is synced and the blocks ask THEN both show the offer for that code", async () => {
    const shop = await shopWithCodeOffer();
    const orderId = `gid://shopify/Order/${9300 + counter}`;
    await applyOrderWebhook(
      prisma(),
      shop,
      samplePayloadWith("orders/create", {
        admin_graphql_api_id: orderId,
        customer: { admin_graphql_api_id: CUSTOMER, first_name: "Ada", updated_at: "2026-11-20T10:00:00Z" },
        discount_codes: [{ code: "WELCOME10", amount: "5.00", type: "fixed_amount" }],
        line_items: [{ admin_graphql_api_id: "gid://shopify/LineItem/93001", product_id: 1, variant_id: 11, title: "Shirt", quantity: 1, price: "50.00" }],
      }),
    );
    admin = fakeAdmin([]);
    const context = { shop, customerId: CUSTOMER, orderId };

    expect((await surfaceOffer(prisma(), admin.client, context, "thank_you")).offer?.offerId).toBe("welcome-hat");
    expect((await surfaceOffer(prisma(), admin.client, context, "order_status")).offer?.offerId).toBe("welcome-hat");
  });

  it.each([
    ["another code", JSON.stringify(["SPRING"]), "socks"],
    ["no code", null, "socks"],
    ["the code in another case", JSON.stringify(["Welcome10"]), "welcome-hat"],
  ])("GIVEN an order with %s WHEN the thank-you block asks THEN it shows %s", async (_case, discountCodes, expected) => {
    const shop = await shopWithCodeOffer();
    const orderId = await seedOrder(shop, { discountCodes });
    admin = fakeAdmin([]);

    expect((await surfaceOffer(prisma(), admin.client, { shop, customerId: CUSTOMER, orderId }, "thank_you")).offer?.offerId).toBe(expected);
  });
});
