import { randomBytes } from "node:crypto";
import { z } from "zod";
import { userErrorsSchema } from "~/shopify/user-errors";
import { isUniqueViolation } from "~/db/prisma-errors";
import { ShopifyApiError } from "~/errors";
import type { DbClient } from "~/db.server";
import { logger } from "~/logger.server";
import { adminGraphql, type AdminGraphqlClient, throwIfUserErrors } from "~/shopify/admin-graphql.server";
import { type DiscountCodeView } from "./surface-contract";
import { type OfferDiscount } from "./offer-schema";

/**
 * Discount codes created through the Admin API (`discountCodeBasicCreate`): unique per customer, offer and
 * purpose, usable by that customer only, once, until they expire. A row is reserved before Shopify is
 * called, so two page views racing for the same customer create one code, not two.
 */

export const DISCOUNT_CODE_BASIC_CREATE = `#graphql
  mutation OfferDiscountCodeCreate($basicCodeDiscount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
      codeDiscountNode { id }
      userErrors { field message code }
    }
  }`;

const createResultSchema = z.object({
  discountCodeBasicCreate: z.object({
    codeDiscountNode: z.object({ id: z.string() }).nullable(),
    userErrors: userErrorsSchema,
  }),
});

export type CodePurpose = "next_order" | "offer_product";

/** How long a code stays valid: long enough for a next order, short enough to create urgency. */
export const CODE_LIFETIME_DAYS = 30;

export interface IssueCodeRequest {
  shop: string;
  offerId: string;
  /** The A/B arm the shopper saw ("" or absent: no experiment); the code's events count for it. */
  armId?: string;
  customerId: string;
  purpose: CodePurpose;
  discount: OfferDiscount;
  /** For offer_product codes: the only product the code discounts. */
  productId?: string;
  /** The discount's name on the order and in the admin. */
  title: string;
  now?: Date;
}

/**
 * The amount a code takes off, or null for discounts a basic code cannot express (none, free shipping). A fixed
 * amount comes off each unit of the offered product, but once off a next-order code's whole order: "5.00 off
 * your next order" must not take 5.00 off every line.
 */
export function codeValueOf(
  discount: OfferDiscount,
  purpose: CodePurpose = "offer_product",
): { percentage: number } | { discountAmount: { amount: string; appliesOnEachItem: boolean } } | null {
  if (discount.kind === "percentage") return { percentage: Number(discount.percent) / 100 };
  if (discount.kind === "fixed_amount") return { discountAmount: { amount: discount.amount, appliesOnEachItem: purpose === "offer_product" } };
  return null;
}

/** How long a reservation waits for Shopify's answer before another request may issue the code again. */
const STALE_RESERVATION_MS = 10 * 60_000;

/** "15% off your next order", "5.00 off your next order". */
export function codeLabelOf(discount: OfferDiscount, purpose: CodePurpose): string | null {
  const off = discount.kind === "percentage" ? `${discount.percent}% off` : discount.kind === "fixed_amount" ? `${discount.amount} off` : null;
  if (!off) return null;
  return purpose === "next_order" ? `${off} your next order` : off;
}

/** A code like THANKS-7KQ2M9XD: unguessable, and easy to read out loud (no 0/O, 1/I). */
export function newCode(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return `THANKS-${[...randomBytes(8)].map((byte) => alphabet[byte % alphabet.length]).join("")}`;
}

/**
 * The customer's code for an offer, created on first use. Returns null when the discount cannot be a code.
 * Throws ShopifyUserErrorsError when Shopify refuses it (the reservation is released so a later call retries).
 */
export async function issueDiscountCode(client: DbClient, admin: AdminGraphqlClient, request: IssueCodeRequest): Promise<DiscountCodeView | null> {
  const value = codeValueOf(request.discount, request.purpose);
  const label = codeLabelOf(request.discount, request.purpose);
  if (!value || !label) return null;
  const now = request.now ?? new Date();
  const key = { shop: request.shop, offerId: request.offerId, customerId: request.customerId, purpose: request.purpose };

  const existing = await client.offerDiscountCode.findUnique({ where: { shop_offerId_customerId_purpose: key } });
  if (existing?.discountId) return existing.endsAt > now ? viewOf(existing) : null;
  if (existing) {
    // Reserved but never confirmed by Shopify: another request is creating it right now, or one died midway
    // (its code never reached the shopper). After a while the reservation is released and issued anew.
    if (now.getTime() - existing.createdAt.getTime() < STALE_RESERVATION_MS) return null;
    await client.offerDiscountCode.deleteMany({ where: { shop: request.shop, id: existing.id, discountId: null } });
  }

  const endsAt = new Date(now.getTime() + CODE_LIFETIME_DAYS * 86_400_000);
  let reserved;
  try {
    reserved = await client.offerDiscountCode.create({ data: { ...key, armId: request.armId ?? "", code: newCode(), title: request.title, label, endsAt } });
  } catch (error) {
    // Another request reserved it first: its code (once created) is the customer's.
    if (isUniqueViolation(error)) return null;
    throw error;
  }

  try {
    const result = await adminGraphql(admin, DISCOUNT_CODE_BASIC_CREATE, { basicCodeDiscount: basicCodeInput(request, reserved.code, value, now, endsAt) }, createResultSchema);
    throwIfUserErrors(result.discountCodeBasicCreate.userErrors);
    const discountId = result.discountCodeBasicCreate.codeDiscountNode?.id;
    if (!discountId) throw new ShopifyApiError("Shopify created no discount code and gave no reason");
    const created = await client.offerDiscountCode.update({ where: { id: reserved.id, shop: request.shop }, data: { discountId } });
    logger.info({ shop: request.shop, offerId: request.offerId, purpose: request.purpose }, "offer discount code created");
    return viewOf(created);
  } catch (error) {
    await client.offerDiscountCode.deleteMany({ where: { shop: request.shop, id: reserved.id } });
    throw error;
  }
}

/** The customer's live codes of the shop (order-status block shows them again). */
export async function liveCodeFor(client: DbClient, shop: string, customerId: string, now = new Date()): Promise<DiscountCodeView | null> {
  const row = await client.offerDiscountCode.findFirst({
    where: { shop, customerId, purpose: "next_order", discountId: { not: null }, endsAt: { gt: now } },
    orderBy: { createdAt: "desc" },
  });
  return row ? viewOf(row) : null;
}

function basicCodeInput(request: IssueCodeRequest, code: string, value: NonNullable<ReturnType<typeof codeValueOf>>, startsAt: Date, endsAt: Date) {
  const items = request.purpose === "offer_product" && request.productId ? { products: { productsToAdd: [request.productId] } } : { all: true };
  return {
    title: request.title,
    code,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    context: { customers: { add: [request.customerId] } },
    customerGets: { value, items },
    usageLimit: 1,
    appliesOncePerCustomer: true,
    combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: true },
  };
}

function viewOf(row: { offerId: string; armId: string; code: string; title: string; label: string; endsAt: Date }): DiscountCodeView {
  return { offerId: row.offerId, armId: row.armId, code: row.code, title: row.title, label: row.label, endsAt: row.endsAt.toISOString() };
}
