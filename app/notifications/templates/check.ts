import { containsNul, NUL_MESSAGE } from "~/input/text";
import { z } from "zod";
import { InvalidInputError } from "~/errors";
import { CHANNELS } from "../channels";
import { MESSAGE_LOCALES } from "../messages";
import { TRIGGERS } from "../milestones";
import { FIELDS_OF_CHANNEL, MAX_FIELD_LENGTH, placeholdersFor, type TemplateOverrides } from "./fields";
import { formatTemplate } from "./format";
import { describeProblem, findTemplateProblem } from "./validate";

/** Which template: a trigger on a channel in a language. */
export const templateKeySchema = z.object({
  trigger: z.enum(TRIGGERS, { error: "choose one of the notification triggers" }),
  channel: z.enum(CHANNELS, { error: "choose email or sms" }),
  locale: z.enum(MESSAGE_LOCALES, { error: "choose one of the notification languages" }),
});
export type TemplateKey = z.infer<typeof templateKeySchema>;

// Values of the right kinds for every placeholder: a template that parses but cannot format fails here, not at send.
const TRIAL_VALUES = { customerName: "Alex", orderName: "#1001", shopName: "Shop", trackingUrl: "https://example.com/t", estimatedDelivery: "Friday", parcels: 2, kind: "other", milestone: "other" };

/**
 * The fields of a template form checked: each non-empty field of the key's channel must parse as ICU MessageFormat,
 * use only the trigger's placeholders and fit its length; an empty field means "use the catalogue". Throws
 * InvalidInputError naming each bad field with the line and column of its first problem.
 */
export function checkTemplateFields(key: TemplateKey, submitted: Record<string, unknown>): TemplateOverrides {
  const fieldErrors: Record<string, string[]> = {};
  const overrides: TemplateOverrides = {};
  for (const field of FIELDS_OF_CHANNEL[key.channel]) {
    const raw = submitted[field];
    if (raw !== undefined && raw !== null && typeof raw !== "string") {
      fieldErrors[field] = ["must be text"];
      continue;
    }
    const text = raw?.replaceAll("\r\n", "\n") ?? "";
    if (!text.trim()) continue;
    if (containsNul(text)) {
      fieldErrors[field] = [NUL_MESSAGE];
      continue;
    }
    if (text.length > MAX_FIELD_LENGTH[field]) {
      fieldErrors[field] = [`must be at most ${MAX_FIELD_LENGTH[field]} characters`];
      continue;
    }
    const problem = findTemplateProblem(text, placeholdersFor(key.trigger));
    if (problem) {
      fieldErrors[field] = [describeProblem(problem)];
      continue;
    }
    try {
      formatTemplate(text, key.locale, TRIAL_VALUES);
    } catch (error) {
      fieldErrors[field] = [`line 1, column 1: ${(error as Error).message}`];
      continue;
    }
    overrides[field] = text;
  }
  if (Object.keys(fieldErrors).length) throw new InvalidInputError(fieldErrors, "The template has errors");
  return overrides;
}
