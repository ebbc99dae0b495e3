import type { ReturnsClient } from "../../shared/returns/returns-client";

/**
 * The order action's label: "Return or exchange" while an item can still be returned, "View return" when a
 * return is under way and nothing else can be returned, nothing otherwise. An action that might fail when
 * pressed is worse than none, so a failed look-up hides it too.
 */
export async function menuLabelKey(client: Pick<ReturnsClient, "order">): Promise<"menuStart" | "menuView" | null> {
  try {
    const order = await client.order();
    if (order.canStart) return "menuStart";
    return order.openReturnId ? "menuView" : null;
  } catch {
    return null;
  }
}
