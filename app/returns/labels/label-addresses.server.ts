import { z } from "zod";
import { ConflictError } from "~/errors";
import { adminGraphql, type AdminGraphqlClient } from "~/shopify/admin-graphql.server";
import type { LabelAddress } from "./provider";

/**
 * Where a return label goes from and to, read from Shopify when the label is bought (we keep no shopper addresses):
 * from the order's shipping address (where the parcel was delivered) to the store's address (Settings → Store
 * details). Validated against the vendored schema by app/shopify/__tests__/documents.test.ts.
 */
export const RETURN_LABEL_ADDRESSES_QUERY = `#graphql
  query AftercareReturnLabelAddresses($orderId: ID!) {
    order(id: $orderId) {
      email
      shippingAddress {
        name
        company
        address1
        address2
        city
        provinceCode
        zip
        countryCodeV2
        phone
      }
    }
    shop {
      name
      contactEmail
      billingAddress {
        company
        address1
        address2
        city
        provinceCode
        zip
        countryCodeV2
        phone
      }
    }
  }
`;

const addressFields = {
  company: z.string().nullish(),
  address1: z.string().nullish(),
  address2: z.string().nullish(),
  city: z.string().nullish(),
  provinceCode: z.string().nullish(),
  zip: z.string().nullish(),
  countryCodeV2: z.string().nullish(),
  phone: z.string().nullish(),
};

export const returnLabelAddressesSchema = z.object({
  order: z.object({ email: z.string().nullish(), shippingAddress: z.object({ name: z.string().nullish(), ...addressFields }).nullish() }).nullish(),
  shop: z.object({ name: z.string(), contactEmail: z.string().nullish(), billingAddress: z.object(addressFields) }),
});

type ShopifyAddress = z.infer<typeof returnLabelAddressesSchema>["shop"]["billingAddress"] & { name?: string | null };

function labelAddress(address: ShopifyAddress, name: string, email: string | null | undefined, whose: string): LabelAddress {
  const { address1, city, zip, countryCodeV2 } = address;
  if (!address1 || !city || !zip || !countryCodeV2) throw new ConflictError(`${whose} is incomplete (street, city, postal code and country are needed for a label)`);
  return {
    name,
    company: address.company ?? null,
    street1: address1,
    street2: address.address2 ?? null,
    city,
    state: address.provinceCode ?? null,
    zip,
    country: countryCodeV2,
    phone: address.phone ?? null,
    email: email ?? null,
  };
}

/** The shopper's and the store's addresses for a return label of `orderId`; ConflictError when one is missing. */
export async function fetchReturnLabelAddresses(admin: AdminGraphqlClient, orderId: string): Promise<{ from: LabelAddress; to: LabelAddress }> {
  const data = await adminGraphql(admin, RETURN_LABEL_ADDRESSES_QUERY, { orderId }, returnLabelAddressesSchema);
  const shipping = data.order?.shippingAddress;
  if (!shipping) throw new ConflictError("The order has no shipping address to send a return label from");
  return {
    from: labelAddress(shipping, shipping.name || "Customer", data.order?.email, "The order's shipping address"),
    to: labelAddress(data.shop.billingAddress, data.shop.name, data.shop.contactEmail, "The store's address"),
  };
}
