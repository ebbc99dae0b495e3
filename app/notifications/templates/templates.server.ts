import type { DbClient } from "~/db.server";
import type { TemplateKey } from "./check";
import { checkTemplateFields } from "./check";
import type { Channel } from "../channels";
import { FIELDS_OF_CHANNEL, type TemplateField, type TemplateOverrides } from "./fields";

/** The shop's own copy for a trigger, channel and language ({} when it uses the catalogue). */
export async function loadTemplateOverrides(client: DbClient, shop: string, key: TemplateKey): Promise<TemplateOverrides> {
  const row = await client.notificationTemplate.findUnique({ where: { shop_trigger_channel_locale: { shop, ...key } } });
  return row ? overridesOfRow(row, key.channel) : {};
}

/** The copy a stored template row holds for `channel`; an empty field reads from the catalogue. */
export function overridesOfRow(row: Partial<Record<TemplateField, string | null>>, channel: Channel): TemplateOverrides {
  const overrides: TemplateOverrides = {};
  for (const field of FIELDS_OF_CHANNEL[channel]) {
    const text = row[field];
    if (text) overrides[field] = text;
  }
  return overrides;
}

/**
 * Validates and stores the shop's copy for a template (fields left empty fall back to the catalogue; all empty
 * removes the template). Throws InvalidInputError with "line L, column C: …" per bad field; nothing is stored then.
 */
export async function saveTemplate(client: DbClient, shop: string, key: TemplateKey, submitted: Record<string, unknown>): Promise<TemplateOverrides> {
  const overrides = checkTemplateFields(key, submitted);
  if (!Object.keys(overrides).length) {
    await resetTemplate(client, shop, key);
    return overrides;
  }
  const data = { subject: overrides.subject ?? null, heading: overrides.heading ?? null, intro: overrides.intro ?? null, sms: overrides.sms ?? null };
  await client.notificationTemplate.upsert({
    where: { shop_trigger_channel_locale: { shop, ...key } },
    create: { shop, ...key, ...data },
    update: data,
  });
  return overrides;
}

/** Goes back to the catalogue's copy for a template. */
export async function resetTemplate(client: DbClient, shop: string, key: TemplateKey): Promise<void> {
  await client.notificationTemplate.deleteMany({ where: { shop, ...key } });
}
