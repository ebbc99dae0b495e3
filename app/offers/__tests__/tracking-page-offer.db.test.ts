import { describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { buildMarketingView } from "~/tracking-page/marketing.server";
import type { TrackingPageSettings } from "~/tracking-page/page-settings";
import { verifyClickLink } from "~/tracking-page/signed-links.server";
import { saveOffer } from "../offer-store.server";
import { FakeAdmin } from "./fake-admin";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
const SOCKS = { productId: "gid://shopify/Product/900", variantId: "gid://shopify/ProductVariant/901" };
const CUSTOMER = "gid://shopify/Customer/42";
let counter = 0;

/** A shop with one order of a $50 shirt by customer 42, and (optionally) a tracking-page offer of socks. */
async function shopWithOrder(withOffer: boolean) {
  const shop = `tracking-offer-${++counter}.myshopify.com`;
  const orderId = `gid://shopify/Order/${8000 + counter}`;
  const at = new Date();
  await prisma().order.create({ data: { shop, id: orderId, name: "#8001", customerId: CUSTOMER, currencyCode: "USD", totalPrice: "50.00", processedAt: at, shopifyUpdatedAt: at } });
  await prisma().lineItem.create({ data: { shop, id: `gid://shopify/LineItem/${counter}`, orderId, productId: "gid://shopify/Product/1", variantId: "gid://shopify/ProductVariant/11", title: "Shirt", quantity: 1, price: "50.00" } });
  if (withOffer) {
    await saveOffer(prisma(), shop, { id: "socks", name: "Socks", surfaces: ["tracking_page"], product: { kind: "fixed", ...SOCKS }, discount: { kind: "percentage", percent: "15" }, copy: { title: "Socks for the road" } });
  }
  return { shop, orderId };
}

function fakeAdmin() {
  return new FakeAdmin()
    .addProduct({ id: SOCKS.productId, title: "Wool socks", variants: [{ id: SOCKS.variantId, price: "20.00", inventoryQuantity: 5 }] })
    .addProduct({ id: "gid://shopify/Product/1", title: "Shirt", variants: [{ id: "gid://shopify/ProductVariant/11", price: "50.00", inventoryQuantity: 3 }] });
}

const marketing: TrackingPageSettings["marketing"] = { enabled: true, bannerText: "Winter sale", bannerUrl: "https://shop.example/winter", discountCode: null, recommendations: false };

const build = (shop: string, orderId: string, admin: FakeAdmin | null) =>
  buildMarketingView({ shop, orderId, productIds: ["gid://shopify/Product/1"], settings: marketing, admin: admin?.client ?? null, href: (path) => `../${path}`, locale: "en", currencyCode: "USD" });

describe("the tracking page's marketing block through the offer engine", () => {
  it("GIVEN an eligible tracking-page offer WHEN the page renders THEN the block shows it with a counted link to the cart and counts one impression", async () => {
    const { shop, orderId } = await shopWithOrder(true);
    const admin = fakeAdmin();

    const view = await build(shop, orderId, admin);

    expect(view?.banner?.text).toBe("Winter sale");
    expect(view?.recommendations).toHaveLength(1);
    expect(view!.recommendations[0]).toMatchObject({ title: "Socks for the road", price: expect.stringContaining("(15% off)") });
    expect(view!.recommendations[0]!.price).toContain("17.00");
    const click = await verifyClickLink(view!.recommendations[0]!.href.replace("../r/", ""), shop);
    expect(click).toMatchObject({ orderId, target: "recommendation", url: `https://${shop}/cart/901:1?discount=${admin.discountCreates[0]!.code}` });
    expect(await prisma().offerEvent.findMany({ where: { shop }, select: { surface: true, kind: true, orderKey: true } })).toEqual([{ surface: "tracking_page", kind: "impression", orderKey: orderId }]);
  });

  it("GIVEN no offer WHEN the page renders THEN the block is today's (no Admin call for offers)", async () => {
    const { shop, orderId } = await shopWithOrder(false);
    const admin = fakeAdmin();

    const view = await build(shop, orderId, admin);

    expect(view).toMatchObject({ banner: { text: "Winter sale" }, recommendations: [] });
    expect(admin.operations).toEqual([]);
  });

  it("GIVEN Shopify failing WHEN the page renders THEN it falls back to today's block", async () => {
    const { shop, orderId } = await shopWithOrder(true);
    const broken = fakeAdmin();
    broken.client.graphql = async () => new Response("upstream down", { status: 503 });

    const view = await build(shop, orderId, broken);

    expect(view).toMatchObject({ banner: { text: "Winter sale" }, recommendations: [] });
  });
});
