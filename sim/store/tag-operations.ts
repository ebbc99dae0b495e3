import { StoreError } from "./errors.ts";
import type { NumericId } from "./ids.ts";
import { updateOrder } from "./order-operations.ts";
import type { SimStore } from "./store.ts";
import type { OrderRecord } from "./types.ts";

/** Shopify accepts a list of tags or one comma-separated string; tags are trimmed and compared without case. */
export function normalizeTags(tags: string[]): string[] {
  const split = tags.flatMap((tag) => tag.split(",")).map((tag) => tag.trim()).filter((tag) => tag.length > 0);
  split.forEach((tag, index) => {
    if (tag.length > 255) throw new StoreError("INVALID", `Tag ${tag.slice(0, 20)}… is too long (maximum is 255 characters)`, ["tags", String(index)], null);
  });
  return split;
}

function sameTag(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** `tagsAdd` on an order: new tags are appended; an order that changes sends `orders/updated`. */
export function addOrderTags(store: SimStore, domain: string, orderId: NumericId, tags: string[]): OrderRecord {
  const order = store.state(domain).order(orderId);
  const added = normalizeTags(tags).filter((tag, index, all) => !order.tags.some((t) => sameTag(t, tag)) && all.findIndex((t) => sameTag(t, tag)) === index);
  if (added.length === 0) return order;
  return updateOrder(store, domain, orderId, { tags: [...order.tags, ...added] });
}

/** `tagsRemove` on an order; tags it does not have are ignored, as Shopify does. */
export function removeOrderTags(store: SimStore, domain: string, orderId: NumericId, tags: string[]): OrderRecord {
  const order = store.state(domain).order(orderId);
  const removing = normalizeTags(tags);
  const kept = order.tags.filter((tag) => !removing.some((r) => sameTag(r, tag)));
  if (kept.length === order.tags.length) return order;
  return updateOrder(store, domain, orderId, { tags: kept });
}
