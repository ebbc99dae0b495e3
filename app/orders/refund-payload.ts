import { Decimal } from "@prisma/client/runtime/index-browser";
import { z } from "zod";
import type { ShopifyJson } from "~/webhooks/payload";
import { canonicalDecimal, decimalText, gid, numericIdAsGid, optionalText, parsePayload, timestamp } from "./payload-fields";

/** Shopify's refunds/create webhook payload (2026-07), reduced to what Aftercare keeps. */
export const refundWebhookSchema = z.object({
  admin_graphql_api_id: gid("Refund"),
  order_id: numericIdAsGid("Order"),
  note: optionalText,
  restock: z.boolean().nullish(),
  created_at: timestamp,
  refund_line_items: z.array(z.object({ restock_type: optionalText })).nullish(),
  transactions: z.array(
    z.object({
      kind: z.string(),
      status: optionalText,
      amount: decimalText,
      currency: optionalText,
    }),
  ),
});

export interface RefundFields {
  id: string;
  orderId: string;
  note: string | null;
  amount: string | null;
  currencyCode: string | null;
  restock: boolean;
  shopifyCreatedAt: Date;
}

/** Maps a refunds/create payload onto our Refund row; throws InvalidShopifyPayloadError if unusable. */
export function refundFromWebhook(payload: ShopifyJson): RefundFields {
  const refund = parsePayload("refund", refundWebhookSchema, payload);
  // Only money that actually went back counts: failed or pending refund transactions are not refunds.
  const refunded = refund.transactions.filter((tx) => tx.kind === "refund" && (tx.status ?? "success") === "success");
  return {
    id: refund.admin_graphql_api_id,
    orderId: refund.order_id,
    note: refund.note,
    amount: refunded.length ? sumDecimals(refunded.map((tx) => tx.amount)) : null,
    currencyCode: refunded.find((tx) => tx.currency)?.currency ?? null,
    restock:
      refund.restock ??
      (refund.refund_line_items ?? []).some((line) => line.restock_type !== null && line.restock_type !== "no_restock"),
    shopifyCreatedAt: refund.created_at,
  };
}

/** Exact sum of decimal amounts, as canonical decimal text. */
export function sumDecimals(amounts: readonly string[]): string {
  return canonicalDecimal(amounts.reduce((sum, amount) => sum.plus(amount), new Decimal(0)).toFixed());
}
