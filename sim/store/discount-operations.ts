import { StoreError } from "./errors.ts";
import type { SimStore } from "./store.ts";
import type { DiscountRecord, DiscountValue } from "./types.ts";

/** What the mutation asks for; the fields Shopify requires may be missing and are checked here. */
export type CreateCodeDiscountInput = Omit<DiscountRecord, "id" | "redeemCodeId" | "usageCount" | "createdAt" | "updatedAt" | "title" | "code" | "value" | "startsAt"> & {
  title: string | null;
  code: string | null;
  value: DiscountValue | null;
  startsAt: Date | null;
  at?: Date;
};

/** Field paths are relative to the mutation's input object; the GraphQL layer prefixes the argument name. */
function refuse(message: string, field: string[], code: string): never {
  throw new StoreError("INVALID", message, field, code);
}

/** Shopify matches discount codes without regard to case. */
export function findDiscountByCode(store: SimStore, domain: string, code: string): DiscountRecord | undefined {
  const wanted = code.trim().toLowerCase();
  return [...store.state(domain).discounts.values()].find((discount) => discount.code.toLowerCase() === wanted);
}

/** `discountCodeBasicCreate`: validates as Shopify does and emits `discounts/create`. */
export function createCodeDiscount(store: SimStore, domain: string, input: CreateCodeDiscountInput): DiscountRecord {
  const state = store.state(domain);
  const code = input.code?.trim() ?? "";
  if (!input.title?.trim()) refuse("Title can't be blank", ["title"], "BLANK");
  if (!code) refuse("Code can't be blank", ["code"], "BLANK");
  if (code.length > 255) refuse("Code is too long (maximum is 255 characters)", ["code"], "TOO_LONG");
  if (/[\r\n]/.test(code)) refuse("Code cannot contain newline characters.", ["code"], "INVALID");
  if (findDiscountByCode(store, domain, code)) refuse("Code must be unique. Please try a different code.", ["code"], "TAKEN");
  if (!input.startsAt) refuse("Starts at can't be blank", ["startsAt"], "BLANK");
  if (input.endsAt && input.endsAt.getTime() <= input.startsAt.getTime()) refuse("Ends at needs to be after starts_at", ["endsAt"], "END_DATE_BEFORE_START_DATE");
  if (!input.value) refuse("Customer gets value can't be blank", ["customerGets", "value"], "BLANK");
  if (input.value.kind === "percentage" && !(input.value.percentage > 0 && input.value.percentage <= 1)) {
    refuse("Value must be between 0.0 and 1.0", ["customerGets", "value", "percentage"], "VALUE_OUTSIDE_RANGE");
  }
  if (input.value.kind === "amount" && !(input.value.amount > 0)) refuse("Value must be greater than 0", ["customerGets", "value", "discountAmount", "amount"], "GREATER_THAN");
  if (input.usageLimit !== null && input.usageLimit < 1) refuse("Usage limit must be greater than 0", ["usageLimit"], "GREATER_THAN");
  input.customerIds?.forEach((id, index) => {
    if (!state.customers.has(id)) refuse("Customer does not exist", ["customerSelection", "customers", "add", String(index)], "INVALID");
  });
  input.productIds?.forEach((id, index) => {
    if (!state.products.has(id)) refuse("Product does not exist", ["customerGets", "items", "products", "productsToAdd", String(index)], "INVALID");
  });
  const at = store.now(input.at);
  const discount: DiscountRecord = {
    id: store.ids.allocate(),
    title: input.title!.trim(),
    code,
    redeemCodeId: store.ids.allocate(),
    value: input.value,
    customerIds: input.customerIds,
    productIds: input.productIds,
    minimumSubtotal: input.minimumSubtotal,
    minimumQuantity: input.minimumQuantity,
    usageLimit: input.usageLimit,
    appliesOncePerCustomer: input.appliesOncePerCustomer,
    combinesWith: input.combinesWith,
    tags: input.tags,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    usageCount: 0,
    createdAt: at,
    updatedAt: at,
  };
  state.discounts.set(discount.id, discount);
  store.emit(domain, { kind: "discount.created", discountId: discount.id }, at);
  return discount;
}

/** ACTIVE between its start and end, SCHEDULED before, EXPIRED after (or once its usage limit is used up). */
export function discountStatus(discount: DiscountRecord, now: Date): "ACTIVE" | "EXPIRED" | "SCHEDULED" {
  if (discount.startsAt.getTime() > now.getTime()) return "SCHEDULED";
  if (discount.endsAt && discount.endsAt.getTime() <= now.getTime()) return "EXPIRED";
  if (discount.usageLimit !== null && discount.usageCount >= discount.usageLimit) return "EXPIRED";
  return "ACTIVE";
}
