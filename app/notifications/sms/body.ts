import { translator, type MessageLocale } from "../messages";
import type { Trigger } from "../milestones";
import type { ReturnMilestone } from "../return-milestones";
import { formatTemplate } from "../templates/format";

/** The text of an SMS: the milestone in one line with the tracking link, and how to opt out. */
export function smsBody(input: {
  trigger: Trigger;
  locale: MessageLocale;
  shopName: string;
  orderName: string;
  link: string;
  customerName?: string | null;
  returnMilestone?: ReturnMilestone;
  /** The merchant's own text (app/notifications/templates); the opt-out line is always added. */
  override?: string;
}): string {
  const t = translator(input.locale);
  const values = {
    shopName: input.shopName,
    orderName: input.orderName,
    link: input.link,
    trackingUrl: input.link,
    customerName: input.customerName ?? "",
    milestone: input.returnMilestone ?? "other",
    kind: "other",
    parcels: 1,
    estimatedDelivery: "",
  };
  const text = input.override ? formatTemplate(input.override, input.locale, values) : t(`${input.trigger}_sms`, values);
  return `${text} ${t("smsStop")}`;
}
