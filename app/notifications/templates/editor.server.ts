import type { Db } from "~/db.server";
import { previewEmail, previewSms } from "../admin/preview.server";
import { de } from "../catalogue/de";
import { en } from "../catalogue/en";
import { es } from "../catalogue/es";
import { fr } from "../catalogue/fr";
import type { MessageKey } from "../messages";
import { checkTemplateFields, type TemplateKey } from "./check";
import type { TemplateEditorState, TemplatePreview } from "./editor";
import { FIELDS_OF_CHANNEL, placeholdersFor, type TemplateOverrides } from "./fields";
import { loadTemplateOverrides } from "./templates.server";

const CATALOGUES = { en, de, fr, es } as const;

/** The editor's state for a template, previewed on the shop's latest order with the saved copy. */
export async function templateEditorState(db: Db, shop: string, key: TemplateKey): Promise<TemplateEditorState> {
  const saved = await loadTemplateOverrides(db, shop, key);
  const fields = FIELDS_OF_CHANNEL[key.channel];
  const catalogue = CATALOGUES[key.locale];
  const defaults = Object.fromEntries(fields.map((field) => [field, catalogue[`${key.trigger}_${field}` as MessageKey]]));
  return { key, fields, saved, defaults, placeholders: placeholdersFor(key.trigger), preview: await previewTemplate(db, shop, key, saved) };
}

/** Renders the editor's unsaved copy (checked first: a broken draft throws InvalidInputError with line and column). */
export async function previewDraft(db: Db, shop: string, key: TemplateKey, submitted: Record<string, unknown>): Promise<TemplatePreview> {
  return previewTemplate(db, shop, key, checkTemplateFields(key, submitted));
}

async function previewTemplate(db: Db, shop: string, key: TemplateKey, overrides: TemplateOverrides): Promise<TemplatePreview> {
  const query = { trigger: key.trigger, locale: key.locale };
  if (key.channel === "sms") return { channel: "sms", ...(await previewSms(db, shop, query, new Date(), overrides)) };
  const preview = await previewEmail(db, shop, query, new Date(), overrides);
  return { channel: "email", subject: preview.email.subject, html: preview.email.html, orderName: preview.orderName };
}

