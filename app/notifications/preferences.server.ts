import type { DbClient } from "~/db.server";
import { InvalidInputError } from "~/errors";
import { logger } from "~/logger.server";
import { atomically } from "~/orders/atomically.server";
import { DEFAULT_NOTIFICATION_PREFERENCES, notificationPreferencesSchema, type NotificationPreferences } from "./preferences";

/** The shop's notification preferences, every default filled in. */
export async function getNotificationPreferences(client: DbClient, shop: string): Promise<NotificationPreferences> {
  const row = await client.notificationSettings.findUnique({ where: { shop }, select: { document: true } });
  if (!row) return DEFAULT_NOTIFICATION_PREFERENCES;
  const parsed = notificationPreferencesSchema.safeParse(parseJson(row.document));
  if (parsed.success) return parsed.data;
  // A document that no longer validates must not stop notifications; the defaults are safe.
  logger.warn({ shop, issues: parsed.error.issues.length }, "stored notification preferences are invalid; using defaults");
  return DEFAULT_NOTIFICATION_PREFERENCES;
}

/** Validates and stores a whole preferences document; throws InvalidInputError with field messages. */
export async function saveNotificationPreferences(client: DbClient, shop: string, document: unknown): Promise<NotificationPreferences> {
  const parsed = notificationPreferencesSchema.safeParse(document);
  if (!parsed.success) throw InvalidInputError.fromZod(parsed.error);
  const text = JSON.stringify(parsed.data);
  await client.notificationSettings.upsert({ where: { shop }, create: { shop, document: text }, update: { document: text } });
  return parsed.data;
}

/**
 * Reads, changes and stores the document in one serializable transaction: two pages that each edit their
 * part of it (notification settings, exception actions) cannot overwrite each other's save.
 */
export function updateNotificationPreferences(
  client: DbClient,
  shop: string,
  change: (current: NotificationPreferences) => unknown,
): Promise<NotificationPreferences> {
  return atomically(client, async (tx) => saveNotificationPreferences(tx, shop, change(await getNotificationPreferences(tx, shop))));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
