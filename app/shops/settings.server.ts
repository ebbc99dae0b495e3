import type { DbClient } from "~/db.server";
import { ConflictError, InvalidInputError, NotFoundError } from "~/errors";
import { logger } from "~/logger.server";
import { DEFAULT_SHOP_SETTINGS, overlayShopSettings, shopSettingsPatchSchema, shopSettingsSchema, type ShopSettings } from "./settings";

const MAX_CONCURRENT_RETRIES = 3;

/** The shop's settings with every default filled in. */
export async function getShopSettings(client: DbClient, shop: string): Promise<ShopSettings> {
  return readSettings(shop, await loadSettingsText(client, shop));
}

/**
 * Validates a partial change and applies it to the shop's settings; returns the result. Throws
 * `InvalidInputError` with field messages when the change is invalid.
 */
export async function updateShopSettings(client: DbClient, shop: string, patch: unknown): Promise<ShopSettings> {
  const parsedPatch = shopSettingsPatchSchema.safeParse(patch);
  if (!parsedPatch.success) throw InvalidInputError.fromZod(parsedPatch.error);

  for (let attempt = 0; attempt < MAX_CONCURRENT_RETRIES; attempt++) {
    const stored = await loadSettingsText(client, shop);
    const next = shopSettingsSchema.safeParse(overlayShopSettings(readSettings(shop, stored), parsedPatch.data));
    if (!next.success) throw InvalidInputError.fromZod(next.error);
    // Compare-and-set on the stored text: two admins saving at once must not silently drop one change.
    const { count } = await client.shop.updateMany({
      where: { shop, settings: stored },
      data: { settings: JSON.stringify(next.data) },
    });
    if (count === 1) return next.data;
  }
  throw new ConflictError("The settings changed while saving; reload and try again");
}

async function loadSettingsText(client: DbClient, shop: string): Promise<string> {
  const row = await client.shop.findUnique({ where: { shop }, select: { settings: true } });
  if (!row) throw new NotFoundError("Shop", shop);
  return row.settings;
}

/** Stored settings text read as settings, every default filled in; a document that no longer validates reads as the defaults. */
export function readSettings(shop: string, stored: string): ShopSettings {
  let document: unknown;
  try {
    document = JSON.parse(stored);
  } catch {
    document = undefined;
  }
  const parsed = shopSettingsSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  // A document that no longer validates must not lock the merchant out of the app; defaults are safe.
  logger.warn({ shop, issues: parsed.error?.issues.length ?? 0 }, "stored shop settings are invalid; using defaults");
  return DEFAULT_SHOP_SETTINGS;
}
