import type { DbClient } from "~/db.server";
import { Prisma } from "~/generated/sqlite/client";
import { readSettings } from "~/shops/settings.server";
import { DEFAULT_SHOP_SETTINGS, type ShopSettings } from "~/shops/settings";
import type { Channel } from "./channels";
import type { Trigger } from "./milestones";
import { TEMPLATE_FIELDS, type TemplateField, type TemplateOverrides } from "./templates/fields";
import { overridesOfRow } from "./templates/templates.server";
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

/** What sending a message needs besides the order: the shop's settings, name, address and copy, the shopper's zone. */
export interface SendContext {
  settings: ShopSettings;
  /** The shop's name and email as Shopify has them; null before the install hook wrote the shop row. */
  shopName: string | null;
  shopEmail: string | null;
  /** The shopper's IANA time zone (dates in the message). */
  timeZone: string;
  /** Whether the recipient's address is on the shop's do-not-message list for the channel. */
  addressSuppressed: boolean;
  /** The shop's own copy for the message's trigger and channel in `locale` ({} when it uses the catalogue). */
  overridesFor(locale: string): TemplateOverrides;
}

/** The message a send context is read for. */
export interface SendContextKey {
  trigger: Trigger;
  channel: Channel;
  /** The order's shipping country: picks the shopper's zone. */
  shippingCountry: string | null;
  /** The recipient's address as its keyed hash (suppressions.server). */
  addressHash: string;
}

type SendContextRow = { settings: string | null; name: string | null; email: string | null; ianaTimezone: string | null; suppressed: number | bigint; locale: string | null } & Partial<Record<TemplateField, string | null>>;

/**
 * Reads what sending a message of the shop needs, in one query because every send needs it: the shop row, the
 * shop's templates for the trigger and channel (in every language: the language is chosen from the settings read
 * here) and whether the recipient opted out. All read at send time, nothing kept between messages but the parsed
 * settings of an unchanged text: a change applies to the next message, and an opt-out is honoured at once.
 */
export async function loadSendContext(client: DbClient, shop: string, key: SendContextKey): Promise<SendContext> {
  // One row per template language, or one row without a template; the shop's columns are null without a shop row.
  const rows = await client.$queryRaw<SendContextRow[]>`
    SELECT s."settings", s."name", s."email", s."ianaTimezone",
      CASE WHEN EXISTS (
        SELECT 1 FROM "NotificationSuppression" x WHERE x."shop" = k."shop" AND x."channel" = ${key.channel} AND x."addressHash" = ${key.addressHash}
      ) THEN 1 ELSE 0 END AS "suppressed",
      t."locale", ${TEMPLATE_COLUMNS}
    FROM (SELECT CAST(${shop} AS TEXT) AS "shop") k
    LEFT JOIN "Shop" s ON s."shop" = k."shop"
    LEFT JOIN "NotificationTemplate" t ON t."shop" = k."shop" AND t."trigger" = ${key.trigger} AND t."channel" = ${key.channel}`;
  const first = rows[0]!;
  // Settings are never null in a stored row: null means no shop row.
  const row = shopRowOf(shop, first.settings === null ? null : { settings: first.settings, name: first.name, email: first.email, ianaTimezone: first.ianaTimezone });
  const templates = new Map(rows.flatMap((template) => (template.locale === null ? [] : [[template.locale, template] as const])));
  return {
    settings: row.settings,
    shopName: row.name,
    shopEmail: row.email,
    timeZone: shopperTimeZone(key.shippingCountry, { timeZone: row.ianaTimezone }),
    addressSuppressed: Number(first.suppressed) === 1,
    overridesFor: (locale) => {
      const template = templates.get(locale);
      return template ? overridesOfRow(template, key.channel) : {};
    },
  };
}

const TEMPLATE_COLUMNS = Prisma.raw(TEMPLATE_FIELDS.map((field) => `t."${field}"`).join(", "));

// Order sync can run before the install hook wrote the shop row; a missing row means default settings, not an error.
async function loadShopRow(client: DbClient, shop: string) {
  return shopRowOf(shop, await client.shop.findUnique({ where: { shop }, select: { settings: true, name: true, email: true, ianaTimezone: true } }));
}

function shopRowOf(shop: string, row: { settings: string; name: string | null; email: string | null; ianaTimezone: string | null } | null) {
  return {
    settings: row ? settingsOf(shop, row.settings) : DEFAULT_SHOP_SETTINGS,
    name: row?.name ?? null,
    email: row?.email ?? null,
    ianaTimezone: row?.ianaTimezone ?? null,
  };
}

/** Each shop's settings as last read, by their stored text: every message reads the row, few change it. */
const settingsRead = new Map<string, { stored: string; settings: ShopSettings }>();
const MAX_SETTINGS_READ = 1_000;

// Validating the document costs more than the query; the same text always reads as the same (shared, unmodified) settings.
function settingsOf(shop: string, stored: string): ShopSettings {
  const known = settingsRead.get(shop);
  if (known?.stored === stored) return known.settings;
  const settings = readSettings(shop, stored);
  if (settingsRead.size >= MAX_SETTINGS_READ) settingsRead.clear();
  settingsRead.set(shop, { stored, settings });
  return settings;
}

/** The channels a trigger goes out on: switched on for the trigger and for the shop as a whole. */
export function channelsFor(context: NotificationContext, trigger: Trigger): Channel[] {
  const { emailEnabled, smsEnabled } = context.settings.notifications;
  return enabledChannels(context.preferences, trigger).filter((channel) => (channel === "email" ? emailEnabled : smsEnabled));
}

