import type { ConsentDetails, CustomerRecord, ImageRecord, MarketingState, ProductRecord, VariantRecord } from "../../store/types.ts";
import { connection, type ConnectionArgs } from "../connection.ts";
import type { ResolverContext, TypeResolvers } from "../resolver-types.ts";
import { dateTime, money, moneyV2 } from "../scalars.ts";

export const productResolvers: TypeResolvers<ProductRecord> = {
  featuredImage: (product) => product.images[0] ?? null,
  images: (product, args: ConnectionArgs) => connection(product.images, args, (image) => [0, image.id]),
  variants: (product, args: ConnectionArgs) => connection(product.variants, args, (variant) => [0, variant.id]),
  totalVariants: (product) => product.variants.length,
  collections: (product, args: ConnectionArgs, ctx: ResolverContext) =>
    connection(ctx.state.collectionsOf(product), args, (collection) => [0, collection.id]),
  onlineStoreUrl: (product, _args, ctx: ResolverContext) => `https://${ctx.state.shop.domain}/products/${product.handle}`,
};

export const variantResolvers: TypeResolvers<VariantRecord> = {
  price: (variant) => money(variant.price),
  compareAtPrice: () => null,
  displayName: (variant, _args, ctx: ResolverContext) => `${ctx.state.products.get(variant.productId)!.title} - ${variant.title}`,
  product: (variant, _args, ctx: ResolverContext) => ctx.state.products.get(variant.productId),
  image: (variant, _args, ctx: ResolverContext) =>
    ctx.state.products.get(variant.productId)!.images.find((image) => image.id === variant.imageId) ?? null,
  selectedOptions: (variant) => variant.options,
  inventoryQuantity: () => 25,
  // Every variant has stock (inventoryQuantity above), so every one can be sold.
  availableForSale: () => true,
};

export const imageResolvers: TypeResolvers<ImageRecord> = {
  url: (image) => image.url,
  src: (image) => image.url,
  originalSrc: (image) => image.url,
};

function marketingState(state: MarketingState): string {
  return state.toUpperCase();
}

/** Shopify reports no opt-in level for a consent never given. */
function optInLevel(consent: ConsentDetails): string | null {
  return consent.updatedAt ? consent.optInLevel.toUpperCase() : null;
}

export const customerResolvers: TypeResolvers<CustomerRecord> = {
  displayName: (customer) => [customer.firstName, customer.lastName].filter(Boolean).join(" ") || customer.email || "",
  defaultAddress: (customer) => customer.address,
  addresses: (customer) => [customer.address],
  defaultEmailAddress: (customer) =>
    customer.email
      ? {
          emailAddress: customer.email,
          marketingState: marketingState(customer.emailMarketing),
          marketingOptInLevel: optInLevel(customer.emailConsent),
          marketingUpdatedAt: dateTime(customer.emailConsent.updatedAt),
          sourceLocation: null,
        }
      : null,
  defaultPhoneNumber: (customer) =>
    customer.phone
      ? {
          phoneNumber: customer.phone,
          marketingState: marketingState(customer.smsMarketing),
          marketingOptInLevel: optInLevel(customer.smsConsent),
          marketingUpdatedAt: dateTime(customer.smsConsent.updatedAt),
          marketingCollectedFrom: customer.smsConsent.collectedFrom.toUpperCase(),
          sourceLocation: null,
        }
      : null,
  emailMarketingConsent: (customer) =>
    customer.email
      ? {
          marketingState: marketingState(customer.emailMarketing),
          marketingOptInLevel: optInLevel(customer.emailConsent),
          consentUpdatedAt: dateTime(customer.emailConsent.updatedAt),
          sourceLocation: null,
        }
      : null,
  smsMarketingConsent: (customer) =>
    customer.phone
      ? {
          marketingState: marketingState(customer.smsMarketing),
          // Non-null in the schema: Shopify reports the shop's opt-in level even before consent is given.
          marketingOptInLevel: customer.smsConsent.optInLevel.toUpperCase(),
          consentUpdatedAt: dateTime(customer.smsConsent.updatedAt),
          consentCollectedFrom: customer.smsConsent.collectedFrom.toUpperCase(),
          sourceLocation: null,
        }
      : null,
  numberOfOrders: (customer, _args, ctx: ResolverContext) =>
    String([...ctx.state.orders.values()].filter((order) => order.customerId === customer.id).length),
  amountSpent: (customer, _args, ctx: ResolverContext) => {
    const orders = [...ctx.state.orders.values()].filter((order) => order.customerId === customer.id);
    const cents = orders.reduce((sum, order) => sum + order.lineItems.reduce((s, li) => s + li.price * li.quantity, 0), 0);
    return moneyV2(cents, ctx.state.shop.currency);
  },
};
