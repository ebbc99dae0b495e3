import type { PageLocale } from "./messages";
import type { TrackingPageSettings } from "./page-settings";
import { recommendedProducts } from "./recommendations.server";
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
  const products = settings.recommendations && input.admin ? await recommendedProducts(input.admin, input.shop, input.productIds) : [];
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
      price: priceText(product.price, input.locale, input.currencyCode),
    })),
  };
}
