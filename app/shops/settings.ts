import { z } from "zod";
import { trackingPageSettingsSchema } from "~/tracking-page/page-settings";

// Each section uses prefault({}) so a stored document missing a section (or a field) reads as its defaults:
// settings written by an older version of the app stay valid as new fields appear.

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #1a2b3c");
const localeCode = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "must be a locale like en or pt-BR");

const brandingSchema = z.object({
  primaryColor: hexColor.default("#008060"),
  accentColor: hexColor.default("#1a1a1a"),
  logoUrl: z.url({ protocol: /^https$/ }).nullable().default(null),
  fontFamily: z.enum(["system", "serif", "sans-serif", "monospace"]).default("system"),
});

const localeSchema = z.object({
  /** Used when neither the order nor the customer says which language to speak. */
  defaultLocale: localeCode.default("en"),
  supportedLocales: z.array(localeCode).min(1).max(50).default(["en"]),
});

const fulfillmentSchema = z.object({
  /** Business days between an order and the parcel leaving the warehouse, for delivery estimates. */
  handlingDays: z.int().min(0).max(30).default(1),
  /** Orders after this local hour are handled the next business day. */
  cutoffHour: z.int().min(0).max(23).default(14),
  /** ISO weekdays the warehouse ships on (1 = Monday … 7 = Sunday). */
  shippingWeekdays: z.array(z.int().min(1).max(7)).min(1).max(7).default([1, 2, 3, 4, 5]),
});

const notificationsSchema = z.object({
  emailEnabled: z.boolean().default(true),
  smsEnabled: z.boolean().default(false),
  senderName: z.string().trim().max(100).nullable().default(null),
  replyToEmail: z.email().nullable().default(null),
});

const returnsSchema = z.object({
  enabled: z.boolean().default(true),
  /** Days after delivery during which a return can be requested. */
  windowDays: z.int().min(0).max(365).default(30),
});

/** The `Shop.settings` JSON document, every field defaulted. */
export const shopSettingsSchema = z.object({
  branding: brandingSchema.prefault({}),
  locale: localeSchema.prefault({}),
  fulfillment: fulfillmentSchema.prefault({}),
  notifications: notificationsSchema.prefault({}),
  returns: returnsSchema.prefault({}),
  trackingPage: trackingPageSettingsSchema.prefault({}),
});

export type ShopSettings = z.infer<typeof shopSettingsSchema>;

const section = z.record(z.string(), z.unknown());

/**
 * The shape of a change: any subset of sections, each any subset of fields. Field values are checked after
 * merging, by `shopSettingsSchema`, because a schema of optional defaulted fields would fill in defaults
 * for the fields a patch leaves out and silently reset them.
 */
export const shopSettingsPatchSchema = z
  .object({ branding: section, locale: section, fulfillment: section, notifications: section, returns: section, trackingPage: section })
  .partial()
  .strict();

export type ShopSettingsPatch = z.infer<typeof shopSettingsPatchSchema>;

/** The settings every new shop starts with. */
export const DEFAULT_SHOP_SETTINGS: ShopSettings = shopSettingsSchema.parse({});

/** Overlays a patch on settings section by section; the result still needs `shopSettingsSchema`. */
export function overlayShopSettings(current: ShopSettings, patch: ShopSettingsPatch): Record<keyof ShopSettings, unknown> {
  return {
    branding: { ...current.branding, ...patch.branding },
    locale: { ...current.locale, ...patch.locale },
    fulfillment: { ...current.fulfillment, ...patch.fulfillment },
    notifications: { ...current.notifications, ...patch.notifications },
    returns: { ...current.returns, ...patch.returns },
    trackingPage: { ...current.trackingPage, ...patch.trackingPage },
  };
}
