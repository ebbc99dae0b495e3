import { translator, type MessageLocale } from "../messages";
import type { Trigger } from "../milestones";
import { formatTemplate } from "../templates/format";

/**
 * The text of an SMS: the milestone in one line with the tracking link, and how to opt out. `values` are the
 * same placeholders an email's copy gets (placeholderValues), with the tracking link as `link`.
 */
export function smsBody(input: {
  trigger: Trigger;
  locale: MessageLocale;
  values: Record<string, string | number>;
  /** The merchant's own text (app/notifications/templates); the opt-out line is always added. */
  override?: string;
}): string {
  const t = translator(input.locale);
  const text = input.override ? formatTemplate(input.override, input.locale, input.values) : t(`${input.trigger}_sms`, input.values);
  return `${text} ${t("smsStop")}`;
}
