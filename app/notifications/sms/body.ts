import { translator, type MessageLocale } from "../messages";
import type { Trigger } from "../milestones";

/** The text of an SMS: the milestone in one line with the tracking link, and how to opt out. */
export function smsBody(input: { trigger: Trigger; locale: MessageLocale; shopName: string; orderName: string; link: string }): string {
  const t = translator(input.locale);
  return `${t(`${input.trigger}_sms`, { shopName: input.shopName, orderName: input.orderName, link: input.link })} ${t("smsStop")}`;
}
