import type { Channel } from "../channels";
import { EXCEPTION_TRIGGER, RETURN_TRIGGER, type Trigger } from "../milestones";

/** The copy a merchant may rewrite: an email's subject, heading and intro, or the text of an SMS. */
export const TEMPLATE_FIELDS = ["subject", "heading", "intro", "sms"] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** Which fields each channel has. */
export const FIELDS_OF_CHANNEL: Readonly<Record<Channel, readonly TemplateField[]>> = {
  email: ["subject", "heading", "intro"],
  sms: ["sms"],
};

/** Longest text accepted per field (an SMS beyond three segments costs more than it says). */
export const MAX_FIELD_LENGTH: Readonly<Record<TemplateField, number>> = { subject: 200, heading: 200, intro: 2000, sms: 480 };

/** A merchant's replacement copy, per field; a field left out reads from the catalogue. */
export type TemplateOverrides = Partial<Record<TemplateField, string>>;

const COMMON_PLACEHOLDERS = ["customerName", "orderName", "shopName", "trackingUrl", "estimatedDelivery", "parcels"] as const;

/**
 * The placeholders a template of `trigger` may use: the order's and shop's names, the customer's first name, the
 * tracking link, the earliest expected delivery and the number of parcels; plus `kind` (exception notice) or
 * `milestone` (return update) for their `select`s.
 */
export function placeholdersFor(trigger: Trigger): readonly string[] {
  if (trigger === EXCEPTION_TRIGGER) return [...COMMON_PLACEHOLDERS, "kind"];
  if (trigger === RETURN_TRIGGER) return [...COMMON_PLACEHOLDERS, "milestone"];
  return COMMON_PLACEHOLDERS;
}
