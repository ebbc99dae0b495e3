import { z } from "zod";
import type { DbClient } from "~/db.server";
import { InvalidInputError } from "~/errors";
import { updateNotificationPreferences } from "~/notifications/preferences.server";
import type { ExceptionSettings } from "../settings";

// The exceptions page edits these parts of the exceptions settings; detection's own fields stay as stored.
const editedPartsSchema = z.object({ actions: z.unknown(), supportEmail: z.unknown(), digest: z.unknown() }).partial();

/** Saves the exceptions page's settings (actions per kind, support address, digest); throws InvalidInputError with field paths. */
export async function saveExceptionActionSettings(client: DbClient, shop: string, submitted: unknown): Promise<ExceptionSettings> {
  const parts = editedPartsSchema.safeParse(submitted);
  if (!parts.success) throw InvalidInputError.fromZod(parts.error, "The settings could not be read");
  const edited = Object.fromEntries(Object.entries(parts.data).filter(([, value]) => value !== undefined));
  try {
    const saved = await updateNotificationPreferences(client, shop, (current) => ({ ...current, exceptions: { ...current.exceptions, ...edited } }));
    return saved.exceptions;
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    // Field paths relative to this form ("supportEmail", "actions.stalled.tag"), not to the whole document.
    const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([path, messages]) => [path.replace(/^exceptions\./, ""), messages]));
    throw new InvalidInputError(fieldErrors, "Some settings are invalid");
  }
}
