import { discountStatus } from "../../store/discount-operations.ts";
import { toGid } from "../../store/ids.ts";
import type { ShopState } from "../../store/shop-state.ts";
import type { DiscountRecord } from "../../store/types.ts";
import { shopTime } from "./format.ts";

/** `discounts/create`: Shopify sends only the node's id, title, status and timestamps. */
export function discountPayload(state: ShopState, discount: DiscountRecord, at: Date) {
  const tz = state.shop.ianaTimezone;
  return {
    admin_graphql_api_id: toGid("DiscountCodeNode", discount.id),
    title: discount.title,
    status: discountStatus(discount, at),
    created_at: shopTime(discount.createdAt, tz),
    updated_at: shopTime(discount.updatedAt, tz),
  };
}
