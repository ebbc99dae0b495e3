import { randomBytes } from "node:crypto";
import { throwIfInvalid } from "./errors.ts";
import type { NumericId } from "./ids.ts";
import { currentQuantity } from "./order-math.ts";
import { recordRefund } from "./refund-operations.ts";
import type { SimStore } from "./store.ts";
import type { ShopState } from "./shop-state.ts";
import type { Address, CancelReason, DiscountAllocationRecord, LineItemRecord, OrderRecord, VariantRecord } from "./types.ts";

export interface CreateOrderInput {
  customerId?: NumericId | null;
  email?: string | null;
  phone?: string | null;
  /** `discounts`: an order-level discount's share of the whole line (cents), e.g. what a code took off it. */
  lineItems: { variantId: NumericId; quantity: number; discounts?: DiscountAllocationRecord[] }[];
  shippingAddress?: Address | null;
  shipping?: { title: string; priceCents: number };
  payment?: "paid" | "pending" | "authorized";
  tags?: string[];
  note?: string | null;
  customerLocale?: string;
  /** Codes entered at checkout; what each took off is the lines' `discounts` titled with the code. */
  discountCodes?: string[];
  /** When the order was placed; defaults to the store clock. */
  at?: Date;
}

export interface UpdateOrderInput {
  email?: string | null;
  phone?: string | null;
  tags?: string[];
  note?: string | null;
  shippingAddress?: Address | null;
  closed?: boolean;
  at?: Date;
}

export interface CancelOrderInput {
  reason?: CancelReason;
  /** Refund what was paid, as Shopify's "Refund payment" option does. */
  refund?: boolean;
  restock?: boolean;
  at?: Date;
}

/** What a line for one variant copies from the catalogue (orders, exchanges, draft orders). */
export function variantLineFields(state: ShopState, variant: VariantRecord) {
  const product = state.products.get(variant.productId)!;
  return {
    productId: product.id,
    variantId: variant.id,
    title: product.title,
    variantTitle: variant.title === "Default Title" ? null : variant.title,
    sku: variant.sku,
    vendor: product.vendor,
    price: variant.price,
    grams: variant.grams,
    requiresShipping: true,
    taxable: true,
  };
}

/** A checkout completing: `orders/create` (+ `orders/paid`, `orders/updated`). */
export function createOrder(store: SimStore, domain: string, input: CreateOrderInput): OrderRecord {
  const state = store.state(domain);
  throwIfInvalid(input.lineItems.length === 0, "An order needs at least one line item");
  const at = store.now(input.at);
  const customer = input.customerId ? state.customer(input.customerId) : null;
  const lineItems: LineItemRecord[] = input.lineItems.map(({ variantId, quantity, discounts = [] }) => {
    throwIfInvalid(!Number.isInteger(quantity) || quantity < 1, "Line item quantity must be a positive integer");
    const fields = variantLineFields(state, state.variant(variantId));
    const discount = discounts.reduce((sum, allocation) => sum + allocation.amount, 0);
    throwIfInvalid(
      discounts.some((allocation) => !Number.isInteger(allocation.amount) || allocation.amount < 0) || discount > fields.price * quantity,
      "Discount allocations must be whole cents and at most the line's price",
    );
    return { id: store.ids.allocate(), ...fields, quantity, imageUrl: store.productImage(domain, variantId), discountAllocations: discounts };
  });
  const number = state.shop.nextOrderNumber++;
  const address = input.shippingAddress ?? customer?.address ?? null;
  const order: OrderRecord = {
    id: store.ids.allocate(),
    number,
    name: `#${number}`,
    token: randomBytes(16).toString("hex"),
    statusKey: randomBytes(12).toString("hex"),
    email: input.email !== undefined ? input.email : (customer?.email ?? null),
    phone: input.phone !== undefined ? input.phone : (customer?.phone ?? null),
    customerId: customer?.id ?? null,
    customerLocale: input.customerLocale ?? customer?.locale ?? state.shop.primaryLocale,
    currency: state.shop.currency,
    lineItems,
    shippingLine: {
      id: store.ids.allocate(),
      title: input.shipping?.title ?? "Standard",
      code: input.shipping?.title ?? "Standard",
      price: input.shipping?.priceCents ?? 800,
    },
    shippingAddress: address,
    billingAddress: address,
    taxCents: 0,
    paymentGateway: "shopify_payments",
    paymentStatus: input.payment ?? "paid",
    saleTransactionId: (input.payment ?? "paid") === "pending" ? null : store.ids.allocate(),
    tags: input.tags ?? [],
    discountCodes: input.discountCodes ?? [],
    note: input.note ?? null,
    buyerAcceptsMarketing: customer?.emailMarketing === "subscribed",
    test: false,
    createdAt: at,
    processedAt: at,
    updatedAt: at,
    cancelledAt: null,
    cancelReason: null,
    closedAt: null,
    fulfillmentIds: [],
    refundIds: [],
    returnIds: [],
  };
  state.orders.set(order.id, order);
  store.emit(domain, { kind: "order.created", orderId: order.id }, at);
  return order;
}

/** A merchant edit of contact details, tags, note or address, or archiving: `orders/updated`. */
export function updateOrder(store: SimStore, domain: string, orderId: NumericId, input: UpdateOrderInput): OrderRecord {
  const order = store.state(domain).order(orderId);
  const at = store.now(input.at);
  if (input.email !== undefined) order.email = input.email;
  if (input.phone !== undefined) order.phone = input.phone;
  if (input.tags !== undefined) order.tags = input.tags;
  if (input.note !== undefined) order.note = input.note;
  if (input.shippingAddress !== undefined) order.shippingAddress = input.shippingAddress;
  if (input.closed !== undefined) order.closedAt = input.closed ? at : null;
  order.updatedAt = at;
  store.emit(domain, { kind: "order.updated", orderId }, at);
  return order;
}

/** Cancelling: `orders/cancelled`, `orders/updated`, and `refunds/create` when money goes back. */
export function cancelOrder(store: SimStore, domain: string, orderId: NumericId, input: CancelOrderInput): OrderRecord {
  const state = store.state(domain);
  const order = state.order(orderId);
  throwIfInvalid(order.cancelledAt !== null, `Order ${order.name} is already cancelled`);
  const at = store.now(input.at);
  let refundId: NumericId | null = null;
  if (input.refund && order.paymentStatus === "paid") {
    const lineItems = order.lineItems
      .map((item) => ({ lineItemId: item.id, quantity: currentQuantity(state, order, item), restockType: input.restock ? ("cancel" as const) : ("no_restock" as const) }))
      .filter((item) => item.quantity > 0);
    refundId = recordRefund(store, domain, order, { lineItems, shipping: true, note: "Order cancelled" }, at).id;
  }
  if (order.paymentStatus === "authorized" || order.paymentStatus === "pending") order.paymentStatus = "voided";
  order.cancelledAt = at;
  order.cancelReason = input.reason ?? "other";
  order.closedAt = at;
  order.updatedAt = at;
  store.emit(domain, { kind: "order.cancelled", orderId, refundId }, at);
  return order;
}
