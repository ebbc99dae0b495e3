import { StoreError } from "./errors.ts";
import { variantLineFields } from "./order-operations.ts";
import type { NumericId } from "./ids.ts";
import type { SimStore } from "./store.ts";
import type { Address, Cents, DraftOrderAppliedDiscountRecord, DraftOrderLineItemRecord, DraftOrderRecord } from "./types.ts";

export interface CreateDraftOrderInput {
  customerId?: NumericId | null;
  email?: string | null;
  phone?: string | null;
  lineItems: {
    variantId?: NumericId | null;
    title?: string | null;
    quantity: number;
    price?: Cents | null;
    appliedDiscount?: DraftOrderAppliedDiscountRecord | null;
  }[];
  appliedDiscount?: DraftOrderAppliedDiscountRecord | null;
  shippingAddress?: Address | null;
  useCustomerDefaultAddress?: boolean;
  note?: string | null;
  tags?: string[];
  at?: Date;
}

function refuse(message: string, field: string[]): never {
  throw new StoreError("INVALID", message, field, null);
}

function checkDiscount(discount: DraftOrderAppliedDiscountRecord | null | undefined, field: string[]): void {
  if (!discount) return;
  if (discount.value < 0) refuse("Applied discount value must be greater than or equal to 0", [...field, "value"]);
  if (discount.valueType === "PERCENTAGE" && discount.value > 100) refuse("Applied discount value must be less than or equal to 100", [...field, "value"]);
}

/** `draftOrderCreate`: line items by variant (or custom), discounts, note and tags; emits `draft_orders/create`. */
export function createDraftOrder(store: SimStore, domain: string, input: CreateDraftOrderInput): DraftOrderRecord {
  const state = store.state(domain);
  const customer = input.customerId ? state.customers.get(input.customerId) : null;
  if (input.customerId && !customer) refuse("Customer does not exist", ["customerId"]);
  if (input.lineItems.length === 0) refuse("Add at least 1 product", ["lineItems"]);
  checkDiscount(input.appliedDiscount, ["appliedDiscount"]);
  const lineItems: DraftOrderLineItemRecord[] = input.lineItems.map((line, index) => {
    const field = ["lineItems", String(index)];
    if (!Number.isInteger(line.quantity) || line.quantity < 1) refuse("Quantity must be greater than or equal to 1", [...field, "quantity"]);
    checkDiscount(line.appliedDiscount, [...field, "appliedDiscount"]);
    if (line.variantId) {
      const variant = state.variants.get(line.variantId);
      if (!variant) refuse(`Product with ID ${line.variantId} is no longer available.`, [...field, "variantId"]);
      return {
        id: store.ids.allocate(),
        ...variantLineFields(state, variant),
        quantity: line.quantity,
        appliedDiscount: line.appliedDiscount ?? null,
      };
    }
    if (!line.title?.trim()) refuse("Title can't be blank", [...field, "title"]);
    if (line.price === null || line.price === undefined) refuse("Original unit price can't be blank", [...field, "originalUnitPriceWithCurrency"]);
    return {
      id: store.ids.allocate(),
      variantId: null,
      productId: null,
      title: line.title.trim(),
      variantTitle: null,
      sku: null,
      vendor: null,
      quantity: line.quantity,
      price: line.price,
      grams: 0,
      requiresShipping: true,
      taxable: true,
      appliedDiscount: line.appliedDiscount ?? null,
    };
  });
  const at = store.now(input.at);
  const draft: DraftOrderRecord = {
    id: store.ids.allocate(),
    name: `#D${state.draftOrders.size + 1}`,
    status: "open",
    customerId: customer?.id ?? null,
    email: input.email ?? customer?.email ?? null,
    phone: input.phone ?? customer?.phone ?? null,
    lineItems,
    appliedDiscount: input.appliedDiscount ?? null,
    shippingAddress: input.shippingAddress ?? (input.useCustomerDefaultAddress !== false ? (customer?.address ?? null) : null),
    note: input.note ?? null,
    tags: [...new Set(input.tags ?? [])].sort((a, b) => a.localeCompare(b)),
    createdAt: at,
    updatedAt: at,
  };
  state.draftOrders.set(draft.id, draft);
  store.emit(domain, { kind: "draft_order.created", draftOrderId: draft.id }, at);
  return draft;
}

/** What a discount takes off an amount, never more than the amount. */
export function discountAmount(discount: DraftOrderAppliedDiscountRecord | null, amount: Cents): Cents {
  if (!discount) return 0;
  const off = discount.valueType === "PERCENTAGE" ? Math.round((amount * discount.value) / 100) : Math.round(discount.value * 100);
  return Math.min(amount, off);
}

export function draftTotals(draft: DraftOrderRecord) {
  const lines = draft.lineItems.map((line) => {
    const original = line.price * line.quantity;
    const discount = discountAmount(line.appliedDiscount, original);
    return { line, original, discount, discounted: original - discount };
  });
  const lineItemsSubtotal = lines.reduce((sum, l) => sum + l.discounted, 0);
  const orderDiscount = discountAmount(draft.appliedDiscount, lineItemsSubtotal);
  const subtotal = lineItemsSubtotal - orderDiscount;
  return {
    lines,
    totalLineItemsPrice: lines.reduce((sum, l) => sum + l.original, 0),
    lineItemsSubtotal,
    orderDiscount,
    totalDiscounts: lines.reduce((sum, l) => sum + l.discount, 0) + orderDiscount,
    subtotal,
    total: subtotal,
  };
}
