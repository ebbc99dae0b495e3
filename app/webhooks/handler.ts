import type { DbClient } from "~/db.server";
import type { ShopifyJson } from "./payload";

/** What a handler may need to know about the delivery beyond its payload. */
export interface WebhookEventContext {
  id: string;
  topic: string;
  /** When Shopify says the event happened (X-Shopify-Triggered-At), if it said. */
  triggeredAt: Date | null;
  receivedAt: Date;
}

/**
 * Applies one webhook to our data. Runs inside a transaction with the event's status change, so it either
 * fully applies or not at all; it must be idempotent because a delivery can be replayed.
 */
export type WebhookHandler = (client: DbClient, shop: string, payload: ShopifyJson, event: WebhookEventContext) => Promise<void>;
