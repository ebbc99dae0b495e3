import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import { z } from "zod";
import { ShopifyApiError } from "~/errors";

export const SHOP_DETAILS_QUERY = `#graphql
  query AftercareShopDetails {
    shop {
      name
      email
      currencyCode
      ianaTimezone
      primaryDomain {
        host
      }
    }
  }
`;

const shopDetailsResponseSchema = z.object({
  data: z
    .object({
      shop: z.object({
        name: z.string(),
        email: z.string().nullable(),
        currencyCode: z.string(),
        ianaTimezone: z.string(),
        primaryDomain: z.object({ host: z.string() }).nullable(),
      }),
    })
    .nullish(),
  errors: z.unknown().optional(),
});

export interface ShopDetails {
  name: string;
  email: string | null;
  currencyCode: string;
  ianaTimezone: string;
  primaryDomainHost: string | null;
}

/** The store's name, contact, currency, timezone and primary domain from the Admin API. */
export async function fetchShopDetails(admin: Pick<AdminApiContext, "graphql">): Promise<ShopDetails> {
  let body: unknown;
  try {
    const response = await admin.graphql(SHOP_DETAILS_QUERY);
    body = await response.json();
  } catch (error) {
    throw new ShopifyApiError("The shop details query failed", { cause: error });
  }
  const parsed = shopDetailsResponseSchema.safeParse(body);
  if (!parsed.success) throw new ShopifyApiError("The shop details response has an unexpected shape");
  if (parsed.data.errors || !parsed.data.data) throw new ShopifyApiError("The shop details query returned errors");
  const { primaryDomain, ...shop } = parsed.data.data.shop;
  return { ...shop, primaryDomainHost: primaryDomain?.host ?? null };
}
