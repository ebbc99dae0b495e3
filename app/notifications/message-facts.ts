import type { ExceptionKind } from "~/exceptions/kinds";
import type { ShopSettings } from "~/shops/settings";
import type { MessageLocale } from "./messages";
import type { Trigger } from "./milestones";

/** Everything a message says, gathered at send time so it reflects the order as it is then. */
export interface MessageFacts {
  trigger: Trigger;
  locale: MessageLocale;
  /** For the exception notice: which problem it apologises for. */
  exceptionKind?: ExceptionKind;
  /** The shopper's IANA time zone: dates are shown in it. */
  timeZone: string;
  shopName: string;
  branding: ShopSettings["branding"];
  order: { name: string; firstName: string | null };
  /** The parcels the message is about (several when split parcels were coalesced). */
  parcels: { carrier: string | null; trackingNumber: string; estimatedDeliveryAt: Date | null }[];
  items: { title: string; variantTitle: string | null; quantity: number; imageUrl: string | null }[];
  links: {
    /** The signed tracking-page link (through the click counter in email). */
    tracking: string;
    unsubscribe: string;
    /** The open-counting pixel; email only. */
    openPixel: string;
  };
}
