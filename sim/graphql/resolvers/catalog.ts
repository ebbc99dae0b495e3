import type { CustomerRecord, ImageRecord, MarketingState, ProductRecord, VariantRecord } from "../../store/types.ts";
import { connection, type ConnectionArgs } from "../connection.ts";
import type { ResolverContext, TypeResolvers } from "../resolver-types.ts";
import { money, moneyV2 } from "../scalars.ts";

export const productResolvers: TypeResolvers<ProductRecord> = {
  featuredImage: (product) => product.images[0] ?? null,
  images: (product, args: ConnectionArgs) => connection(product.images, args, (image) => [0, image.id]),
  variants: (product, args: ConnectionArgs) => connection(product.variants, args, (variant) => [0, variant.id]),
  totalVariants: (product) => product.variants.length,
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
};

export const imageResolvers: TypeResolvers<ImageRecord> = {
  url: (image) => image.url,
  src: (image) => image.url,
  originalSrc: (image) => image.url,
};

function marketingState(state: MarketingState): string {
  return state.toUpperCase();
}

export const customerResolvers: TypeResolvers<CustomerRecord> = {
  displayName: (customer) => [customer.firstName, customer.lastName].filter(Boolean).join(" ") || customer.email || "",
  defaultAddress: (customer) => customer.address,
  addresses: (customer) => [customer.address],
  defaultEmailAddress: (customer) =>
    customer.email ? { emailAddress: customer.email, marketingState: marketingState(customer.emailMarketing) } : null,
  defaultPhoneNumber: (customer) =>
    customer.phone ? { phoneNumber: customer.phone, marketingState: marketingState(customer.smsMarketing) } : null,
  emailMarketingConsent: (customer) =>
    customer.email
      ? { marketingState: marketingState(customer.emailMarketing), marketingOptInLevel: "SINGLE_OPT_IN", consentUpdatedAt: null, sourceLocation: null }
      : null,
  smsMarketingConsent: (customer) =>
    customer.phone
      ? {
          marketingState: marketingState(customer.smsMarketing),
          marketingOptInLevel: "SINGLE_OPT_IN",
          consentUpdatedAt: null,
          consentCollectedFrom: "SHOPIFY",
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
