import type { Trigger } from "../milestones";

/** How the merchant UI names each trigger. */
export const TRIGGER_LABELS: Record<Trigger, string> = {
  order_confirmed: "Order confirmed",
  shipped: "Shipped",
  out_for_delivery: "Out for delivery",
  attempted_delivery: "Delivery attempted",
  ready_for_pickup: "Ready for pickup",
  delayed: "Delayed",
  exception: "Carrier exception",
  delivered: "Delivered",
  returned_to_sender: "Returned to sender",
  shipment_exception: "Delivery problem apology",
  return_update: "Return updates",
  delivered_follow_up: "Follow-up after delivery",
};

/** A trigger's label, or the stored text when it is not one we know. */
export function triggerLabel(trigger: string): string {
  return TRIGGER_LABELS[trigger as Trigger] ?? trigger;
}
