import { randomUUID } from "node:crypto";
import * as appOps from "./app-operations.ts";
import * as consentOps from "./consent-operations.ts";
import * as discountOps from "./discount-operations.ts";
import * as draftOrderOps from "./draft-order-operations.ts";
import * as fulfillmentOps from "./fulfillment-operations.ts";
import * as tagOps from "./tag-operations.ts";
import * as orderOps from "./order-operations.ts";
import * as refundOps from "./refund-operations.ts";
import * as returnOps from "./return-operations.ts";
import * as returnProcess from "./return-process.ts";
import * as reverseDeliveryOps from "./reverse-delivery-operations.ts";
import { StoreError, throwIfMissing } from "./errors.ts";
import type { StoreChange, StoreEvent, StoreListener } from "./events.ts";
import { IdAllocator, type NumericId } from "./ids.ts";
import { ShopState } from "./shop-state.ts";
import type {
  Address,
  ConsentDetails,
  CustomerRecord,
  ImageRecord,
  LocationRecord,
  MarketingState,
  ProductRecord,
  ShopRecord,
  StaffUser,
  VariantRecord,
} from "./types.ts";

export interface CreateShopInput {
  domain: string;
  name?: string;
  email?: string;
  currency?: string;
  ianaTimezone?: string;
  timezoneLabel?: string;
  planName?: string;
  planDisplayName?: string;
  country?: string;
  countryCode?: string;
  grantedScopes?: string[];
}

export interface CreateProductInput {
  title: string;
  vendor: string;
  productType: string;
  tags?: string[];
  images?: { url: string; altText?: string }[];
  variants: { title: string; sku: string; priceCents: number; grams: number; options?: { name: string; value: string }[]; imageIndex?: number }[];
  at?: Date;
}

export interface CreateCustomerInput {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone?: string | null;
  locale?: string;
  emailMarketing?: MarketingState;
  smsMarketing?: MarketingState;
  tags?: string[];
  address: Omit<Address, "firstName" | "lastName"> & Partial<Pick<Address, "firstName" | "lastName">>;
  at?: Date;
}

/** Consent given (or refused) at checkout: recorded by Shopify with that moment. */
function initialConsent(state: MarketingState | undefined, at: Date): ConsentDetails {
  const given = state !== undefined && state !== "not_subscribed";
  return { optInLevel: "single_opt_in", updatedAt: given ? at : null, collectedFrom: "shopify" };
}

/** Shopify's handle for a title: lower case, non-alphanumerics collapsed to "-". */
function handleize(title: string): string {
  return title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** Staff ids for online tokens; kept small (see StaffUser). */
let nextStaffId = 74_100_000_000;

/**
 * The in-memory Shopify: shops and their resources. Mutations go through the operation modules, which
 * call `emit` once per merchant/customer action so the webhook layer can send what Shopify would.
 */
export class SimStore {
  readonly ids: IdAllocator;
  readonly clock: () => Date;
  private readonly shops = new Map<string, ShopState>();
  private readonly listeners = new Set<StoreListener>();

  constructor(options: { idBase?: bigint; clock?: () => Date } = {}) {
    this.ids = new IdAllocator(options.idBase);
    this.clock = options.clock ?? (() => new Date());
  }

  /** Listen to every change; returns an unsubscribe function. */
  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(shop: string, change: StoreChange, occurredAt: Date): StoreEvent {
    const event: StoreEvent = { eventId: randomUUID(), shop, occurredAt, change };
    for (const listener of this.listeners) listener(event);
    return event;
  }

  now(at?: Date): Date {
    return at ? new Date(at) : this.clock();
  }

  shopDomains(): string[] {
    return [...this.shops.keys()];
  }

  hasShop(domain: string): boolean {
    return this.shops.has(domain);
  }

  state(domain: string): ShopState {
    return throwIfMissing(this.shops.get(domain), `Shop ${domain}`);
  }

  createShop(input: CreateShopInput): ShopRecord {
    if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(input.domain)) {
      throw new StoreError("INVALID", `Shop domain must look like name.myshopify.com, got ${input.domain}`);
    }
    if (this.shops.has(input.domain)) return this.state(input.domain).shop;
    const storeName = input.domain.replace(".myshopify.com", "");
    const at = this.now();
    const title = input.name ?? storeName.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
    const address: Address = {
      firstName: "Ava",
      lastName: "Lindqvist",
      company: title,
      address1: "150 Elgin Street",
      address2: null,
      city: "Ottawa",
      province: "Ontario",
      provinceCode: "ON",
      country: "Canada",
      countryCode: input.countryCode ?? "CA",
      zip: "K2P 1L4",
      phone: "+16135550142",
      latitude: 45.4201,
      longitude: -75.6925,
    };
    const location: LocationRecord = { id: this.ids.allocate(), name: "Main warehouse", address };
    const shop: ShopRecord = {
      id: this.ids.allocate(),
      domain: input.domain,
      name: title,
      email: input.email ?? `owner@${storeName}.example`,
      currency: input.currency ?? "USD",
      ianaTimezone: input.ianaTimezone ?? "America/New_York",
      timezoneLabel: input.timezoneLabel ?? "(GMT-05:00) Eastern Time (US & Canada)",
      planName: input.planName ?? "basic",
      planDisplayName: input.planDisplayName ?? "Basic",
      shopOwner: "Ava Lindqvist",
      primaryLocale: "en",
      address,
      createdAt: at,
      updatedAt: at,
      installed: true,
      grantedScopes: input.grantedScopes ?? [],
      primaryLocationId: location.id,
      nextOrderNumber: 1001,
    };
    const state = new ShopState(shop);
    state.locations.set(location.id, location);
    const owner: StaffUser = {
      id: nextStaffId++,
      firstName: "Ava",
      lastName: "Lindqvist",
      email: shop.email,
      accountOwner: true,
      locale: "en",
    };
    state.staff.push(owner);
    this.shops.set(shop.domain, state);
    return shop;
  }

  createProduct(domain: string, input: CreateProductInput): ProductRecord {
    const state = this.state(domain);
    const at = this.now(input.at);
    const id = this.ids.allocate();
    const images: ImageRecord[] = (input.images ?? []).map((image) => ({
      id: this.ids.allocate(),
      url: image.url,
      altText: image.altText ?? input.title,
      width: 1200,
      height: 1200,
    }));
    const variants: VariantRecord[] = input.variants.map((variant) => ({
      id: this.ids.allocate(),
      productId: id,
      title: variant.title,
      sku: variant.sku,
      price: variant.priceCents,
      grams: variant.grams,
      imageId: images[variant.imageIndex ?? 0]?.id ?? null,
      options: variant.options ?? [{ name: "Title", value: variant.title }],
      createdAt: at,
      updatedAt: at,
    }));
    const product: ProductRecord = {
      id,
      title: input.title,
      handle: handleize(input.title),
      vendor: input.vendor,
      productType: input.productType,
      tags: input.tags ?? [],
      status: "ACTIVE",
      images,
      variants,
      createdAt: at,
      updatedAt: at,
    };
    state.products.set(id, product);
    for (const variant of variants) state.variants.set(variant.id, variant);
    this.ensureProductTypeCollection(state, input.productType, at);
    return product;
  }

  /** The catalogue is grouped into one smart collection per product type ("Jackets", "Footwear", …). */
  private ensureProductTypeCollection(state: ShopState, productType: string, at: Date) {
    if (productType.trim() === "") return;
    if ([...state.collections.values()].some((collection) => collection.productType === productType)) return;
    const id = this.ids.allocate();
    state.collections.set(id, { id, title: productType, handle: handleize(productType), productType, createdAt: at, updatedAt: at });
  }

  createCustomer(domain: string, input: CreateCustomerInput): CustomerRecord {
    const state = this.state(domain);
    const at = this.now(input.at);
    const customer: CustomerRecord = {
      id: this.ids.allocate(),
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      phone: input.phone ?? null,
      locale: input.locale ?? "en",
      emailMarketing: input.emailMarketing ?? "not_subscribed",
      smsMarketing: input.smsMarketing ?? "not_subscribed",
      emailConsent: initialConsent(input.emailMarketing, at),
      smsConsent: initialConsent(input.smsMarketing, at),
      tags: input.tags ?? [],
      defaultAddressId: this.ids.allocate(),
      address: {
        ...input.address,
        firstName: input.address.firstName ?? input.firstName ?? "",
        lastName: input.address.lastName ?? input.lastName ?? "",
      },
      createdAt: at,
      updatedAt: at,
    };
    state.customers.set(customer.id, customer);
    this.emit(domain, { kind: "customer.created", customerId: customer.id }, at);
    // Consent given at checkout is its own change in Shopify, announced on the consent topics.
    const sms = customer.smsConsent.updatedAt !== null && customer.phone !== null;
    const email = customer.emailConsent.updatedAt !== null && customer.email !== null;
    if (sms || email) this.emit(domain, { kind: "customer.consent_updated", customerId: customer.id, sms, email, customerUpdated: false }, at);
    return customer;
  }

  productImage(domain: string, variantId: NumericId | null): string | null {
    if (!variantId) return null;
    const state = this.state(domain);
    const variant = state.variants.get(variantId);
    if (!variant) return null;
    const product = state.products.get(variant.productId);
    const image = product?.images.find((i) => i.id === variant.imageId) ?? product?.images[0];
    return image?.url ?? null;
  }

  // Merchant and customer actions; each emits the webhooks Shopify sends for it.

  createOrder(domain: string, input: orderOps.CreateOrderInput) {
    return orderOps.createOrder(this, domain, input);
  }

  updateOrder(domain: string, orderId: NumericId, input: orderOps.UpdateOrderInput) {
    return orderOps.updateOrder(this, domain, orderId, input);
  }

  cancelOrder(domain: string, orderId: NumericId, input: orderOps.CancelOrderInput = {}) {
    return orderOps.cancelOrder(this, domain, orderId, input);
  }

  fulfillOrder(domain: string, orderId: NumericId, input: fulfillmentOps.FulfillOrderInput = {}) {
    return fulfillmentOps.fulfillOrder(this, domain, orderId, input);
  }

  addFulfillmentEvent(domain: string, fulfillmentId: NumericId, input: fulfillmentOps.FulfillmentEventInput) {
    return fulfillmentOps.addFulfillmentEvent(this, domain, fulfillmentId, input);
  }

  updateTracking(domain: string, fulfillmentId: NumericId, input: Parameters<typeof fulfillmentOps.updateTracking>[3]) {
    return fulfillmentOps.updateTracking(this, domain, fulfillmentId, input);
  }

  cancelFulfillment(domain: string, fulfillmentId: NumericId, input: { at?: Date } = {}) {
    return fulfillmentOps.cancelFulfillment(this, domain, fulfillmentId, input);
  }

  createRefund(domain: string, orderId: NumericId, input: refundOps.CreateRefundInput) {
    return refundOps.createRefund(this, domain, orderId, input);
  }

  requestReturn(domain: string, orderId: NumericId, input: returnOps.RequestReturnInput) {
    return returnOps.requestReturn(this, domain, orderId, input);
  }

  createReturn(domain: string, orderId: NumericId, input: returnOps.CreateReturnInput) {
    return returnOps.createReturn(this, domain, orderId, input);
  }

  transitionReturn(domain: string, returnId: NumericId, action: Parameters<typeof returnOps.transitionReturn>[3], input: returnOps.TransitionInput = {}) {
    return returnOps.transitionReturn(this, domain, returnId, action, input);
  }

  processReturn(domain: string, returnId: NumericId, input: returnProcess.ProcessReturnInput) {
    return returnProcess.processReturn(this, domain, returnId, input);
  }

  createReverseDelivery(domain: string, reverseFulfillmentOrderId: NumericId, input: reverseDeliveryOps.CreateReverseDeliveryInput) {
    return reverseDeliveryOps.createReverseDelivery(this, domain, reverseFulfillmentOrderId, input);
  }

  addOrderTags(domain: string, orderId: NumericId, tags: string[]) {
    return tagOps.addOrderTags(this, domain, orderId, tags);
  }

  removeOrderTags(domain: string, orderId: NumericId, tags: string[]) {
    return tagOps.removeOrderTags(this, domain, orderId, tags);
  }

  createDraftOrder(domain: string, input: draftOrderOps.CreateDraftOrderInput) {
    return draftOrderOps.createDraftOrder(this, domain, input);
  }

  updateMarketingConsent(domain: string, customerId: NumericId, input: consentOps.UpdateConsentInput) {
    return consentOps.updateMarketingConsent(this, domain, customerId, input);
  }

  createCodeDiscount(domain: string, input: discountOps.CreateCodeDiscountInput) {
    return discountOps.createCodeDiscount(this, domain, input);
  }

  uninstallApp(domain: string, input: { at?: Date } = {}) {
    appOps.uninstallApp(this, domain, input);
  }

  installApp(domain: string, scopes: string[]) {
    appOps.installApp(this, domain, scopes);
  }

  updateScopes(domain: string, scopes: string[], input: { at?: Date } = {}) {
    appOps.updateScopes(this, domain, scopes, input);
  }

  requestCustomerData(domain: string, customerId: NumericId, input: { at?: Date } = {}) {
    appOps.requestCustomerData(this, domain, customerId, input);
  }

  redactCustomer(domain: string, customerId: NumericId, input: { at?: Date } = {}) {
    appOps.redactCustomer(this, domain, customerId, input);
  }

  redactShop(domain: string, input: { at?: Date } = {}) {
    appOps.redactShop(this, domain, input);
  }
}
