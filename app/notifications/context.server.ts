import type { DbClient } from "~/db.server";
import { NotFoundError } from "~/errors";
import { getShopSettings } from "~/shops/settings.server";
import { DEFAULT_SHOP_SETTINGS, type ShopSettings } from "~/shops/settings";
import type { Channel } from "./channels";
import type { Trigger } from "./milestones";
import { enabledChannels, type NotificationPreferences } from "./preferences";
import { getNotificationPreferences } from "./preferences.server";
import { shopperTimeZone } from "~/orders/shopper-time-zone";

/** What deciding whether and when to notify about an order needs. */
export interface NotificationContext {
  preferences: NotificationPreferences;
  settings: ShopSettings;
  /** The shopper's IANA time zone (quiet hours). */
  timeZone: string;
}

/** Reads the shop's preferences and settings and the shopper's time zone for `orderId`. */
export async function loadNotificationContext(tx: DbClient, shop: string, orderId: string): Promise<NotificationContext> {
  // One query at a time: inside an interactive transaction the client runs them one by one anyway.
  const preferences = await getNotificationPreferences(tx, shop);
  const settings = await settingsOrDefaults(tx, shop);
  const shopRow = await tx.shop.findUnique({ where: { shop }, select: { ianaTimezone: true } });
  const order = await tx.order.findUnique({ where: { shop_id: { shop, id: orderId } }, select: { shippingCountry: true } });
  return { preferences, settings, timeZone: shopperTimeZone(order?.shippingCountry, { timeZone: shopRow?.ianaTimezone ?? null }) };
}

/** The channels a trigger goes out on: switched on for the trigger and for the shop as a whole. */
export function channelsFor(context: NotificationContext, trigger: Trigger): Channel[] {
  const { emailEnabled, smsEnabled } = context.settings.notifications;
  return enabledChannels(context.preferences, trigger).filter((channel) => (channel === "email" ? emailEnabled : smsEnabled));
}

// Order sync can run before the install hook wrote the shop row; a missing row means default settings, not an error.
async function settingsOrDefaults(tx: DbClient, shop: string): Promise<ShopSettings> {
  try {
    return await getShopSettings(tx, shop);
  } catch (error) {
    if (error instanceof NotFoundError) return DEFAULT_SHOP_SETTINGS;
    throw error;
  }
}
