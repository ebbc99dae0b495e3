import { z } from "zod";
import type { DbClient } from "~/db.server";
import { InvalidInputError } from "~/errors";
import type { NotificationPreferences } from "../preferences";
import { updateNotificationPreferences } from "../preferences.server";

// The settings page edits these parts; the rest of the document (the exceptions scan's settings) is kept as stored.
const editedPartsSchema = z
  .object({
    triggers: z.unknown(),
    quietHours: z.unknown(),
    coalesceMinutes: z.unknown(),
    followUpDays: z.unknown(),
  })
  .partial();

/** Saves the notification settings form (triggers × channels, quiet hours, coalescing, follow-up days; parts left out stay as stored); throws InvalidInputError with field paths. */
export async function saveNotificationSettings(
  client: DbClient,
  shop: string,
  submitted: unknown
): Promise<NotificationPreferences> {
  const parts = editedPartsSchema.safeParse(submitted);
  if (!parts.success)
    throw InvalidInputError.fromZod(
      parts.error,
      "The settings could not be read"
    );
  const edited = Object.fromEntries(
    Object.entries(parts.data).filter(([, value]) => value !== undefined)
  );
  return updateNotificationPreferences(client, shop, (current) => ({ ...current, ...edited }));
}
