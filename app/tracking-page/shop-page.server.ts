import type { DbClient } from "~/db.server";
import { NotFoundError } from "~/errors";
import type { ShopSettings } from "~/shops/settings";
import { getShopSettings } from "~/shops/settings.server";
import { readTrackingPageSettings, type TrackingPageSettings } from "./page-settings";

/** What the tracking page needs to know about the shop serving it. */
export interface ShopPage {
  name: string;
  /** The shop's contact address for the help link (the page's own setting first). */
  contactEmail: string | null;
  timeZone: string | null;
  currencyCode: string | null;
  settings: ShopSettings;
  page: TrackingPageSettings;
}

/** The shop's page context, or null when the app does not know the shop (not installed, or erased). */
export async function loadShopPage(client: DbClient, shop: string): Promise<ShopPage | null> {
  const [row, settings] = await Promise.all([
    client.shop.findUnique({
      where: { shop },
      select: { name: true, email: true, ianaTimezone: true, currencyCode: true, settings: true, uninstalledAt: true },
    }),
    getShopSettings(client, shop).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    }),
  ]);
  if (!row || row.uninstalledAt || !settings) return null;
  const page = readTrackingPageSettings(row.settings);
  return {
    name: row.name ?? shop.replace(/\.myshopify\.com$/, ""),
    contactEmail: page.contactEmail ?? row.email,
    timeZone: row.ianaTimezone,
    currencyCode: row.currencyCode,
    settings,
    page,
  };
}
