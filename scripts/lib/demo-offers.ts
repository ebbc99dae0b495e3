import { z } from "zod";
import type { Db } from "../../app/db.server";
import { saveOffer } from "../../app/offers/offer-store.server";

const productsSchema = z.object({
  products: z.array(
    z.object({
      gid: z.string(),
      title: z.string(),
      variants: z.array(z.object({ gid: z.string(), title: z.string() })),
      collections: z.array(z.object({ gid: z.string(), title: z.string() })).default([]),
    }),
  ),
});

/**
 * Seeds the demo store's offers from the stand-in's catalogue: a post-purchase socks upsell, a mug offer
 * running an A/B test on its discount, an accessory for orders with footwear (targeted by collection), and a
 * recommendation for the order-status and tracking pages.
 * Returns the offer names.
 */
export async function seedDemoOffers(prisma: Db, shop: string, controlApiUrl: string): Promise<string[]> {
  const response = await fetch(`${controlApiUrl}/shops/${shop}/products`);
  const { products } = productsSchema.parse(await response.json());
  const byTitle = (title: string) => products.find((product) => product.title === title);
  const socks = byTitle("Merino Crew Socks");
  const mug = byTitle("Ember Camp Mug");
  const offers: unknown[] = [];
  if (socks) {
    const variant = socks.variants.find((candidate) => candidate.title.startsWith("M")) ?? socks.variants[0]!;
    offers.push({
      id: "merino-socks",
      name: "Merino socks add-on",
      surfaces: ["post_purchase", "thank_you", "order_status", "tracking_page"],
      priority: 10,
      targeting: { all: [{ type: "order_value", min: "50.00" }] },
      product: { kind: "fixed", productId: socks.gid, variantId: variant.gid },
      discount: { kind: "percentage", percent: "20" },
      limits: { maxPerCustomer: 2 },
      copy: { title: "Warm feet for the trail?", body: "Add Merino crew socks to your order at 20% off — no need to enter your card again.", discountTitle: "Post-purchase socks" },
    });
  }
  if (mug) {
    offers.push({
      id: "camp-mug",
      name: "Camp mug (discount A/B test)",
      surfaces: ["thank_you", "order_status", "tracking_page"],
      priority: 5,
      product: { kind: "fixed", productId: mug.gid, variantId: mug.variants[0]!.gid },
      discount: { kind: "percentage", percent: "15" },
      arms: [
        { id: "15-off", weight: 50 },
        { id: "25-off", weight: 50, discount: { kind: "percentage", percent: "25" } },
      ],
      copy: { title: "Coffee tastes better outside" },
    });
  }
  const footwear = products.flatMap((product) => product.collections).find((collection) => collection.title === "Footwear");
  const accessory = products.find((product) => product.title !== "Merino Crew Socks" && product.collections.some((collection) => collection.title === "Accessories"));
  if (footwear && accessory) {
    offers.push({
      id: "footwear-accessory",
      name: "Accessory for footwear orders (collection targeting)",
      surfaces: ["thank_you", "order_status", "tracking_page"],
      priority: 20,
      targeting: { type: "collections_in_order", collectionIds: [footwear.gid] },
      product: { kind: "fixed", productId: accessory.gid, variantId: accessory.variants[0]!.gid },
      discount: { kind: "percentage", percent: "10" },
      copy: { title: "For the trail your new boots are waiting for" },
    });
  }
  offers.push({
    id: "recommended-next",
    name: "Recommended for your next trip",
    surfaces: ["order_status", "tracking_page"],
    priority: 1,
    product: { kind: "recommended" },
    discount: { kind: "percentage", percent: "10" },
    copy: { title: "Picked for you" },
  });
  const saved = [];
  for (const offer of offers) saved.push((await saveOffer(prisma, shop, offer)).name);
  return saved;
}
