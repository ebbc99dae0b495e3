import { z } from "zod";

const text = (max: number) => z.string().trim().min(1).max(max).nullable().default(null);
const httpsUrl = z.url({ protocol: /^https$/ }).nullable().default(null);

const marketingSchema = z.object({
  enabled: z.boolean().default(false),
  bannerText: text(200),
  bannerUrl: httpsUrl,
  discountCode: z.string().trim().regex(/^[\w-]{1,40}$/, "letters, digits, - and _ only").nullable().default(null),
  /** Products related to the order's products, fetched from the Admin API. */
  recommendations: z.boolean().default(true),
});

/**
 * The tracking page's section of the shop's settings document (`trackingPage`): the marketing block and the
 * merchant's own copy. Every field defaults, so a shop that never configured it gets a plain page.
 */
export const trackingPageSettingsSchema = z.object({
  marketing: marketingSchema.prefault({}),
  /** Replaces the page heading ("Track your order"); the merchant writes it in their own language. */
  headline: text(120),
  /** Where the help link points; defaults to the shop's email. */
  contactEmail: z.email().nullable().default(null),
});

export type TrackingPageSettings = z.infer<typeof trackingPageSettingsSchema>;

export const DEFAULT_TRACKING_PAGE_SETTINGS: TrackingPageSettings = trackingPageSettingsSchema.parse({});

const documentSchema = z.looseObject({ trackingPage: z.unknown().optional() });

/**
 * The tracking page settings inside a stored `Shop.settings` JSON text. An invalid section reads as the
 * defaults: a bad banner URL must not take the shopper's tracking page down.
 */
export function readTrackingPageSettings(settingsJson: string): TrackingPageSettings {
  let document: unknown;
  try {
    document = JSON.parse(settingsJson);
  } catch {
    return DEFAULT_TRACKING_PAGE_SETTINGS;
  }
  const section = documentSchema.safeParse(document);
  const parsed = trackingPageSettingsSchema.safeParse(section.success ? (section.data.trackingPage ?? {}) : {});
  return parsed.success ? parsed.data : DEFAULT_TRACKING_PAGE_SETTINGS;
}
