import type { PromiseRange } from "~/delivery-estimates/live/order-promises";
import type { ExceptionKind } from "~/exceptions/kinds";
import type { ShopSettings } from "~/shops/settings";
import type { MessageLocale } from "./messages";
import type { Trigger } from "./milestones";
import type { ReturnMilestone } from "./return-milestones";
import type { TemplateOverrides } from "./templates/fields";

/** Everything a message says, gathered at send time so it reflects the order as it is then. */
export interface MessageFacts {
  trigger: Trigger;
  locale: MessageLocale;
  /** For the exception notice: which problem it apologises for. */
  exceptionKind?: ExceptionKind;
  /** The merchant's own copy for this trigger, channel and language (app/notifications/templates). */
  overrides?: TemplateOverrides;
  /** For a return update: which step of the return it announces. */
  returnMilestone?: ReturnMilestone;
  /** The shopper's IANA time zone: dates are shown in it. */
  timeZone: string;
  shopName: string;
  branding: ShopSettings["branding"];
  order: { name: string; firstName: string | null };
  /** The parcels the message is about (several when split parcels were coalesced); `promise` is our delivery promise. */
  parcels: { carrier: string | null; trackingNumber: string; estimatedDeliveryAt: Date | null; promise?: PromiseRange | null }[];
  /** The delivery date promised at purchase, for a message about an order not shipped yet (order confirmed). */
  orderPromise?: PromiseRange | null;
  items: { title: string; variantTitle: string | null; quantity: number; imageUrl: string | null }[];
  links: {
    /** The signed tracking-page link (through the click counter in email). */
    tracking: string;
    unsubscribe: string;
    /** The open-counting pixel; email only. */
    openPixel: string;
  };
}
