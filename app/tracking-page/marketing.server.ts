import { db } from "~/db.server";
import { logger } from "~/logger.server";
import { offerForOrderPage } from "~/offers/surface-offers.server";
import type { OfferView } from "~/offers/surface-contract";
import type { PageLocale } from "./messages";
import type { TrackingPageSettings } from "./page-settings";
import { type Recommendation, recommendedProducts } from "./recommendations.server";
import type { MarketingView } from "./render/MarketingBlock";
import { signClickLink, type ClickTarget } from "./signed-links.server";
import type { PageHref } from "./storefront-links";
import type { AdminGraphqlClient } from "~/shopify/admin-graphql.server";

export interface MarketingInput {
  shop: string;
  orderId: string;
  productIds: readonly string[];
  settings: TrackingPageSettings["marketing"];
  admin: AdminGraphqlClient | null;
  href: PageHref;
  locale: PageLocale;
  currencyCode: string | null;
}

function priceText(amount: string | null, locale: PageLocale, currencyCode: string | null): string | null {
  if (!amount) return null;
  if (!currencyCode) return amount;
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode }).format(Number(amount));
  } catch {
    return amount;
  }
}

/**
 * The marketing block for one order's page, or null when the merchant has it switched off. Every link goes
 * through a signed `/r/<token>` redirect so clicks are counted and no one can turn it into an open redirect.
 */
export async function buildMarketingView(input: MarketingInput): Promise<MarketingView | null> {
  const { settings } = input;
  if (!settings.enabled) return null;
  const clickHref = async (target: ClickTarget, url: string) =>
    input.href(`r/${await signClickLink({ shop: input.shop, orderId: input.orderId, target, url })}`);
  // The offer engine's choice for the tracking page, when the shop has an eligible offer; else today's recommendations.
  const offer = await offerForOrderPage(db(), input.admin, { shop: input.shop, orderId: input.orderId, surface: "tracking_page" }).catch((error: unknown) => {
    // The page must render whatever Shopify does: a failed offer look-up falls back to the recommendations.
    logger.warn({ shop: input.shop, error: (error as Error).message }, "tracking page offer failed");
    return null;
  });
  const products: Array<Recommendation & { discountLabel?: string | null }> = offer
    ? [offerAsProduct(offer, input)]
    : settings.recommendations && input.admin
      ? await recommendedProducts(input.admin, input.shop, input.productIds)
      : [];
  const [bannerHref, discountHref, productHrefs] = await Promise.all([
    settings.bannerText && settings.bannerUrl ? clickHref("banner", settings.bannerUrl) : null,
    settings.discountCode ? clickHref("discount", `https://${input.shop}/discount/${encodeURIComponent(settings.discountCode)}`) : null,
    Promise.all(products.map((product) => clickHref("recommendation", product.url))),
  ]);
  return {
    banner: settings.bannerText ? { text: settings.bannerText, href: bannerHref } : null,
    discount: settings.discountCode && discountHref ? { code: settings.discountCode, href: discountHref } : null,
    recommendations: products.map((product, index) => ({
      title: product.title,
      href: productHrefs[index]!,
      imageUrl: product.imageUrl,
      imageAlt: product.imageAlt,
      price: product.discountLabel
        ? `${priceText(product.price, input.locale, input.currencyCode)} (${product.discountLabel})`
        : priceText(product.price, input.locale, input.currencyCode),
    })),
  };
}

/** An offer as one of the block's product tiles: its cart link (with the customer's code) and its price after the discount. */
function offerAsProduct(offer: OfferView, input: MarketingInput): Recommendation & { discountLabel: string | null } {
  return {
    productId: offer.product.productId,
    title: offer.title,
    url: offer.product.url ?? `https://${input.shop}/`,
    imageUrl: offer.product.imageUrl,
    imageAlt: offer.product.title,
    price: offer.discountedPrice.amount,
    discountLabel: offer.discountLabel,
  };
}
