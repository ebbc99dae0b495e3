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

export type MarketingState = "subscribed" | "not_subscribed" | "unsubscribed" | "pending";

export interface CustomerRecord {
  id: NumericId;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  locale: string;
  emailMarketing: MarketingState;
  smsMarketing: MarketingState;
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

export interface ReturnLineItemRecord {
  id: NumericId;
  fulfillmentLineItemId: NumericId;
  lineItemId: NumericId;
  quantity: number;
  returnReason: string;
  customerNote: string | null;
}

export interface ReturnRecord {
  id: NumericId;
  orderId: NumericId;
  name: string;
  status: ReturnStatus;
  lineItems: ReturnLineItemRecord[];
  decline: { reason: string; note: string | null } | null;
  createdAt: Date;
  updatedAt: Date;
}
