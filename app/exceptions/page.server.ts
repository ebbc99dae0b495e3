import { containsNul, NUL_MESSAGE } from "~/input/text";
import { z } from "zod";
import type { Db } from "~/db.server";
import { InvalidInputError } from "~/errors";
import { getNotificationPreferences } from "~/notifications/preferences.server";
import { EXCEPTION_ACTIONS } from "./actions/kinds";
import { requestAction } from "./actions/record.server";
import { saveExceptionActionSettings } from "./actions/settings.server";
import { listOpenExceptions } from "./list.server";
import type { ExceptionsPageData } from "./open-exception";

/** Reads the exceptions page for `shop`. */
export async function loadExceptionsPage(db: Db, shop: string): Promise<ExceptionsPageData> {
  const { exceptions: settings } = await getNotificationPreferences(db, shop);
  return { exceptions: await listOpenExceptions(db, shop), settings: { actions: settings.actions, supportEmail: settings.supportEmail, digest: settings.digest } };
}

/** The page's two forms: the settings, and "run now" on one flag's action. */
export const exceptionsPageCommandSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save-settings"), actions: z.unknown().optional(), supportEmail: z.unknown().optional(), digest: z.unknown().optional() }),
  z.object({ intent: z.literal("run-action"), exceptionId: z.string().min(1).max(200).refine((id) => !containsNul(id), NUL_MESSAGE), action: z.enum(EXCEPTION_ACTIONS) }),
]);

export type ExceptionsPageCommand = z.infer<typeof exceptionsPageCommandSchema>;

/** Carries out one command of the page; InvalidInputError (→ 422), NotFoundError (→ 404) and ConflictError (→ 409) say what was wrong. */
export async function runExceptionsPageCommand(db: Db, shop: string, body: unknown): Promise<void> {
  const parsed = exceptionsPageCommandSchema.safeParse(body);
  if (!parsed.success) throw InvalidInputError.fromZod(parsed.error, "The request could not be read");
  const command = parsed.data;
  if (command.intent === "save-settings") {
    await saveExceptionActionSettings(db, shop, { actions: command.actions, supportEmail: command.supportEmail, digest: command.digest });
    return;
  }
  const { exceptions } = await getNotificationPreferences(db, shop);
  await db.$transaction((tx) => requestAction(tx, shop, command.exceptionId, command.action, exceptions.actions));
}
