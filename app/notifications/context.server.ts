import type { DbClient } from "~/db.server";
import { readSettings } from "~/shops/settings.server";
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
  const shopRow = await loadShopRow(tx, shop);
  const order = await tx.order.findUnique({ where: { shop_id: { shop, id: orderId } }, select: { shippingCountry: true } });
  return { preferences, settings: shopRow.settings, timeZone: shopperTimeZone(order?.shippingCountry, { timeZone: shopRow.ianaTimezone }) };
}

/** What sending a message needs besides the order: the shop's settings, name and address, the shopper's zone. */
export interface SendContext {
  settings: ShopSettings;
  /** The shop's name and email as Shopify has them; null before the install hook wrote the shop row. */
  shopName: string | null;
  shopEmail: string | null;
  /** The shopper's IANA time zone (dates in the message). */
  timeZone: string;
}

/** Reads what sending a message of the shop needs, in one query; the order's shipping country picks the zone. */
export async function loadSendContext(client: DbClient, shop: string, shippingCountry: string | null): Promise<SendContext> {
  const row = await loadShopRow(client, shop);
  return { settings: row.settings, shopName: row.name, shopEmail: row.email, timeZone: shopperTimeZone(shippingCountry, { timeZone: row.ianaTimezone }) };
}

// Order sync can run before the install hook wrote the shop row; a missing row means default settings, not an error.
async function loadShopRow(client: DbClient, shop: string) {
  const row = await client.shop.findUnique({ where: { shop }, select: { settings: true, name: true, email: true, ianaTimezone: true } });
  return {
    settings: row ? readSettings(shop, row.settings) : DEFAULT_SHOP_SETTINGS,
    name: row?.name ?? null,
    email: row?.email ?? null,
    ianaTimezone: row?.ianaTimezone ?? null,
  };
}

/** The channels a trigger goes out on: switched on for the trigger and for the shop as a whole. */
export function channelsFor(context: NotificationContext, trigger: Trigger): Channel[] {
  const { emailEnabled, smsEnabled } = context.settings.notifications;
  return enabledChannels(context.preferences, trigger).filter((channel) => (channel === "email" ? emailEnabled : smsEnabled));
}

