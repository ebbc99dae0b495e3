import type { NumericId } from "./ids.ts";

/** Amounts are integer minor units (cents) so sums stay exact; formatted only at the edges. */
export type Cents = number;

export interface Address {
  firstName: string;
  lastName: string;
  company: string | null;
  address1: string;
  address2: string | null;
  city: string;
  province: string | null;
  provinceCode: string | null;
  country: string;
  countryCode: string;
  zip: string;
  phone: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface ShopRecord {
  id: NumericId;
  domain: string;
  name: string;
  email: string;
  currency: string;
  ianaTimezone: string;
  /** Rails-style label Shopify puts in REST payloads, e.g. "(GMT-05:00) Eastern Time (US & Canada)". */
  timezoneLabel: string;
  planName: string;
  planDisplayName: string;
  shopOwner: string;
  primaryLocale: string;
  address: Address;
  createdAt: Date;
  updatedAt: Date;
  installed: boolean;
  grantedScopes: string[];
  primaryLocationId: NumericId;
  nextOrderNumber: number;
}

export interface StaffUser {
  /** Staff ids stay below 2^53: the library builds online session ids from the JSON-parsed number. */
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  accountOwner: boolean;
  locale: string;
}

export interface LocationRecord {
  id: NumericId;
  name: string;
  address: Address;
}

export interface ImageRecord {
  id: NumericId;
  url: string;
  altText: string | null;
  width: number;
  height: number;
}

export interface VariantRecord {
  id: NumericId;
  productId: NumericId;
  title: string;
  sku: string;
  price: Cents;
  grams: number;
  imageId: NumericId | null;
  options: { name: string; value: string }[];
  createdAt: Date;
  updatedAt: Date;
}

export interface ProductRecord {
  id: NumericId;
  title: string;
  handle: string;
  vendor: string;
  productType: string;
  tags: string[];
  status: "ACTIVE" | "ARCHIVED" | "DRAFT";
  images: ImageRecord[];
  variants: VariantRecord[];
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A smart collection whose one rule is "product type equals …" (how the seeded catalogue is grouped);
 * a product belongs to it while its type matches.
 */
export interface CollectionRecord {
  id: NumericId;
  title: string;
  handle: string;
  productType: string;
  createdAt: Date;
  updatedAt: Date;
}

export type MarketingState = "subscribed" | "not_subscribed" | "unsubscribed" | "pending";
export type MarketingOptInLevel = "single_opt_in" | "confirmed_opt_in" | "unknown";

/** When and how a consent state was last set; `updatedAt` is null for a state never set (not_subscribed). */
export interface ConsentDetails {
  optInLevel: MarketingOptInLevel;
  updatedAt: Date | null;
  /** SHOPIFY: given at checkout or in the customer account; OTHER: set by the merchant or an app. */
  collectedFrom: "shopify" | "other";
}

export interface CustomerRecord {
  id: NumericId;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  locale: string;
  emailMarketing: MarketingState;
  smsMarketing: MarketingState;
  emailConsent: ConsentDetails;
  smsConsent: ConsentDetails;
  tags: string[];
  defaultAddressId: NumericId;
  address: Address;
  createdAt: Date;
  updatedAt: Date;
}

export interface LineItemRecord {
  id: NumericId;
  productId: NumericId | null;
  variantId: NumericId | null;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  vendor: string | null;
  quantity: number;
  price: Cents;
  grams: number;
  requiresShipping: boolean;
  taxable: boolean;
  imageUrl: string | null;
  /** An order-level discount's share of the whole line (all units), as Shopify allocates a code across lines. */
  discountAllocations?: DiscountAllocationRecord[];
}

export interface DiscountAllocationRecord {
  amount: Cents;
  /** What the buyer saw, e.g. the code ("WELCOME10") or an automatic discount's title. */
  title: string;
  /**
   * Set for a discount on this line alone, applied by hand (an exchange line's `appliedDiscount`): Shopify counts
   * it in the line's discountedUnitPriceSet / discountedTotalSet, which leave order-level allocations out.
   */
  manual?: ExchangeAppliedDiscount;
}

export interface ShippingLineRecord {
  id: NumericId;
  title: string;
  code: string;
  price: Cents;
}

export type FinancialStatus =
  | "pending"
  | "authorized"
  | "partially_paid"
  | "paid"
  | "partially_refunded"
  | "refunded"
  | "voided";

export type CancelReason = "customer" | "declined" | "fraud" | "inventory" | "other" | "staff";

export interface OrderRecord {
  id: NumericId;
  number: number;
  name: string;
  token: string;
  statusKey: string;
  email: string | null;
  phone: string | null;
  customerId: NumericId | null;
  customerLocale: string;
  currency: string;
  lineItems: LineItemRecord[];
  shippingLine: ShippingLineRecord;
  shippingAddress: Address | null;
  billingAddress: Address | null;
  taxCents: Cents;
  /** Before refunds; refunds are kept separately and subtracted for current_* amounts. */
  paymentGateway: string;
  paymentStatus: "pending" | "authorized" | "paid" | "voided";
  /** The checkout's sale (or authorization) transaction; refunds name it as their parent. */
  saleTransactionId: NumericId | null;
  tags: string[];
  note: string | null;
  buyerAcceptsMarketing: boolean;
  test: boolean;
  createdAt: Date;
  processedAt: Date;
  updatedAt: Date;
  cancelledAt: Date | null;
  cancelReason: CancelReason | null;
  closedAt: Date | null;
  fulfillmentIds: NumericId[];
  refundIds: NumericId[];
  returnIds: NumericId[];
  /** The discount codes entered at checkout (`Order.discountCodes`, webhook `discount_codes`). */
  discountCodes?: string[];
}

/** Shopify's fulfillment event statuses (REST spelling). */
export const SHIPMENT_STATUSES = [
  "label_printed",
  "label_purchased",
  "attempted_delivery",
  "ready_for_pickup",
  "picked_up",
  "confirmed",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "failure",
  "carrier_picked_up",
  "delayed",
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export type FulfillmentStatus = "pending" | "open" | "success" | "cancelled" | "error" | "failure";

export interface TrackingInfo {
  company: string | null;
  number: string;
  url: string | null;
}

export interface FulfillmentLineItemRecord {
  id: NumericId;
  lineItemId: NumericId;
  quantity: number;
}

export interface FulfillmentRecord {
  id: NumericId;
  orderId: NumericId;
  name: string;
  status: FulfillmentStatus;
  shipmentStatus: ShipmentStatus | null;
  locationId: NumericId;
  serviceName: string;
  tracking: TrackingInfo[];
  lineItems: FulfillmentLineItemRecord[];
  eventIds: NumericId[];
  notifyCustomer: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface FulfillmentEventRecord {
  id: NumericId;
  fulfillmentId: NumericId;
  orderId: NumericId;
  status: ShipmentStatus;
  message: string | null;
  happenedAt: Date;
  city: string | null;
  province: string | null;
  country: string | null;
  zip: string | null;
  address1: string | null;
  latitude: number | null;
  longitude: number | null;
  estimatedDeliveryAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface RefundLineItemRecord {
  id: NumericId;
  lineItemId: NumericId;
  quantity: number;
  restockType: "no_restock" | "cancel" | "return" | "legacy_restock";
  locationId: NumericId | null;
  subtotal: Cents;
  totalTax: Cents;
}

export interface TransactionRecord {
  id: NumericId;
  orderId: NumericId;
  kind: "sale" | "refund" | "void" | "authorization" | "capture";
  gateway: string;
  status: "success" | "failure" | "pending";
  amount: Cents;
  message: string | null;
  /** The sale a refund is taken from; null for store credit, which has no parent payment. */
  parentId?: NumericId | null;
  createdAt: Date;
}

export interface RefundRecord {
  id: NumericId;
  orderId: NumericId;
  note: string | null;
  restock: boolean;
  lineItems: RefundLineItemRecord[];
  shippingRefund: Cents;
  /** Id of the refunded shipping line entry, when shipping was refunded. */
  shippingRefundLineId: NumericId | null;
  transactions: TransactionRecord[];
  returnId: NumericId | null;
  createdAt: Date;
  processedAt: Date;
}

export type ReturnStatus = "requested" | "open" | "closed" | "declined" | "canceled";

/** Shopify's `ReturnReason` enum values (uppercase), kept as the API spells them. */
export type ReturnReasonCode =
  | "COLOR"
  | "DEFECTIVE"
  | "NOT_AS_DESCRIBED"
  | "OTHER"
  | "SIZE_TOO_LARGE"
  | "SIZE_TOO_SMALL"
  | "STYLE"
  | "UNKNOWN"
  | "UNWANTED"
  | "WRONG_ITEM";

export interface ReturnLineItemRecord {
  id: NumericId;
  fulfillmentLineItemId: NumericId;
  lineItemId: NumericId;
  quantity: number;
  returnReason: ReturnReasonCode;
  returnReasonDefinitionId: NumericId | null;
  returnReasonNote: string;
  customerNote: string | null;
  /** Percentage (0–100) kept back from the refund, when the merchant charges one. */
  restockingFeePercentage: number | null;
  processedQuantity: number;
  refundedQuantity: number;
}

/** `ExchangeLineItemInput.appliedDiscount`: a fixed amount off each unit, or a percentage (0–100) of the price. */
export interface ExchangeAppliedDiscount {
  description: string | null;
  value: { amount: Cents } | { percentage: number };
}

export interface ExchangeLineItemRecord {
  id: NumericId;
  variantId: NumericId;
  quantity: number;
  /** Charged on the order line the exchange adds when it is processed. */
  appliedDiscount: ExchangeAppliedDiscount | null;
  processedQuantity: number;
  /** Order line items added for this exchange when it is processed. */
  lineItemIds: NumericId[];
}

export type ReturnDeclineReasonCode = "FINAL_SALE" | "OTHER" | "RETURN_PERIOD_ENDED";

export interface ReturnRecord {
  id: NumericId;
  orderId: NumericId;
  name: string;
  status: ReturnStatus;
  lineItems: ReturnLineItemRecord[];
  exchangeLineItems: ExchangeLineItemRecord[];
  shippingFee: { id: NumericId; amount: Cents } | null;
  decline: { reason: ReturnDeclineReasonCode; note: string | null } | null;
  requestApprovedAt: Date | null;
  closedAt: Date | null;
  reverseFulfillmentOrderIds: NumericId[];
  refundIds: NumericId[];
  createdAt: Date;
  updatedAt: Date;
}

export type DispositionType = "MISSING" | "NOT_RESTOCKED" | "PROCESSING_REQUIRED" | "RESTOCKED";

export interface DispositionRecord {
  id: NumericId;
  type: DispositionType;
  quantity: number;
  locationId: NumericId | null;
  createdAt: Date;
}

export interface ReverseFulfillmentOrderLineItemRecord {
  id: NumericId;
  returnLineItemId: NumericId;
  fulfillmentLineItemId: NumericId;
  totalQuantity: number;
  dispositions: DispositionRecord[];
}

/** What the merchant expects back for a return; created when the return opens. */
export interface ReverseFulfillmentOrderRecord {
  id: NumericId;
  returnId: NumericId;
  orderId: NumericId;
  status: "open" | "closed" | "canceled";
  lineItems: ReverseFulfillmentOrderLineItemRecord[];
  reverseDeliveryIds: NumericId[];
}

/** A return shipment: label and tracking for (part of) a reverse fulfillment order. */
export interface ReverseDeliveryRecord {
  id: NumericId;
  reverseFulfillmentOrderId: NumericId;
  lineItems: { id: NumericId; reverseFulfillmentOrderLineItemId: NumericId; quantity: number }[];
  tracking: { number: string | null; url: string | null; carrierName: string | null } | null;
  label: { fileUrl: string; createdAt: Date; updatedAt: Date } | null;
  createdAt: Date;
}

/** A customer's store credit in one currency; returns processing credits it. */
export interface StoreCreditAccountRecord {
  id: NumericId;
  customerId: NumericId;
  currency: string;
  transactions: { id: NumericId; amount: Cents; expiresAt: Date | null; refundId: NumericId | null; createdAt: Date }[];
}

export type DiscountValue = { kind: "percentage"; percentage: number } | { kind: "amount"; amount: Cents; appliesOnEachItem: boolean };

/** A basic code discount (amount or percentage off), as `discountCodeBasicCreate` makes it. */
export interface DiscountRecord {
  id: NumericId;
  title: string;
  code: string;
  redeemCodeId: NumericId;
  value: DiscountValue;
  /** Null: every customer; else only these may use the code. */
  customerIds: NumericId[] | null;
  /** Null: the whole order; else only these products. */
  productIds: NumericId[] | null;
  minimumSubtotal: Cents | null;
  minimumQuantity: number | null;
  usageLimit: number | null;
  appliesOncePerCustomer: boolean;
  combinesWith: { orderDiscounts: boolean; productDiscounts: boolean; shippingDiscounts: boolean };
  tags: string[];
  startsAt: Date;
  endsAt: Date | null;
  usageCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface DraftOrderAppliedDiscountRecord {
  title: string | null;
  description: string;
  value: number;
  valueType: "FIXED_AMOUNT" | "PERCENTAGE";
}

export interface DraftOrderLineItemRecord {
  id: NumericId;
  variantId: NumericId | null;
  productId: NumericId | null;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  vendor: string | null;
  quantity: number;
  price: Cents;
  grams: number;
  requiresShipping: boolean;
  taxable: boolean;
  appliedDiscount: DraftOrderAppliedDiscountRecord | null;
}

/** A draft order (e.g. a free reship), created by `draftOrderCreate`; completing it is not modelled. */
export interface DraftOrderRecord {
  id: NumericId;
  name: string;
  status: "open" | "invoice_sent" | "completed";
  customerId: NumericId | null;
  email: string | null;
  phone: string | null;
  lineItems: DraftOrderLineItemRecord[];
  appliedDiscount: DraftOrderAppliedDiscountRecord | null;
  shippingAddress: Address | null;
  note: string | null;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
}
