import type { DbClient } from "~/db.server";
import { NotFoundError } from "~/errors";
import { getNotificationPreferences } from "~/notifications/preferences.server";
import { getShopSettings } from "~/shops/settings.server";
import { DEFAULT_SHOP_SETTINGS, type ShopSettings } from "~/shops/settings";
import type { DetectionPolicy } from "./settings";

/** The shop's detection policy: its exception settings and its handling time. */
export async function loadDetectionPolicy(client: DbClient, shop: string): Promise<DetectionPolicy> {
  const preferences = await getNotificationPreferences(client, shop);
  const { fulfillment } = await settingsOrDefaults(client, shop);
  return { ...preferences.exceptions, handlingDays: fulfillment.handlingDays, shippingWeekdays: fulfillment.shippingWeekdays };
}

async function settingsOrDefaults(client: DbClient, shop: string): Promise<ShopSettings> {
  try {
    return await getShopSettings(client, shop);
  } catch (error) {
    if (error instanceof NotFoundError) return DEFAULT_SHOP_SETTINGS;
    throw error;
  }
}
