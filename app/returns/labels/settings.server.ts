import type { DbClient } from "~/db.server";
import { ConflictError, InvalidInputError } from "~/errors";
import { env } from "~/env.server";
import { easyPostProvider } from "./easypost.server";
import { type CarrierLabelProvider, LabelProviderError } from "./provider";
import { type LabelProviderName, labelSettingsInputSchema, type LabelSettingsView } from "./label-settings";
import { openSecret, sealSecret } from "./secret-box.server";

export type { LabelSettingsView } from "./label-settings";

/**
 * How a shop's return labels are made: bought from EasyPost with the merchant's own API key, or uploaded by the
 * merchant (a label file or a carrier's prepaid QR page). The key is stored sealed (secret-box.server.ts) and never
 * shown again: the settings say only that it is set and how it ends. The app-wide EASYPOST_API_KEY stays the fallback
 * for shops that have not entered their own.
 */

export interface LabelProviderOptions {
  /** EasyPost's API origin; tests point it at a local server speaking the same format. */
  easyPostUrl?: string;
  fetch?: typeof fetch;
  /** The app-wide fallback key (EASYPOST_API_KEY). */
  fallbackApiKey?: string | null;
}

function defaults(options: LabelProviderOptions) {
  return {
    easyPostUrl: options.easyPostUrl ?? env().EASYPOST_API_URL,
    fallbackApiKey: options.fallbackApiKey === undefined ? (env().EASYPOST_API_KEY ?? null) : options.fallbackApiKey,
    fetch: options.fetch,
  };
}

const hintOf = (apiKey: string) => apiKey.slice(-4);

/** The shop's label settings as shown to the merchant; a shop that never saved any uploads its own labels. */
export async function loadLabelSettings(client: DbClient, shop: string, options: LabelProviderOptions = {}): Promise<LabelSettingsView> {
  const row = await client.returnLabelSettings.findUnique({ where: { shop } });
  const unreadable = Boolean(row?.apiKeyCipher) && openSecret(shop, row!.apiKeyCipher!) === null;
  return {
    provider: (row?.provider as LabelProviderName | undefined) ?? "uploaded",
    apiKey: { set: Boolean(row?.apiKeyCipher) && !unreadable, endsIn: row?.apiKeyCipher && !unreadable ? row.apiKeyHint : null, unreadable },
    fallbackKey: Boolean(defaults(options).fallbackApiKey),
  };
}

/**
 * Saves the provider and, when given, a new API key after EasyPost accepted it in a test call. A refused key is an
 * InvalidInputError on `apiKey` (422) and nothing is written; EasyPost unreachable is a LabelProviderError (502).
 */
export async function saveLabelSettings(client: DbClient, shop: string, input: unknown, options: LabelProviderOptions = {}): Promise<LabelSettingsView> {
  const parsed = labelSettingsInputSchema.safeParse(input);
  if (!parsed.success) throw InvalidInputError.fromZod(parsed.error);
  const { provider, apiKey } = parsed.data;
  const current = await loadLabelSettings(client, shop, options);
  if (provider === "easypost" && !apiKey && !current.apiKey.set && !current.fallbackKey) {
    throw new InvalidInputError({ apiKey: ["is required to buy labels with EasyPost"] }, "Enter your EasyPost API key");
  }
  if (apiKey) await verifyEasyPostKey(apiKey, options);
  const key = apiKey ? { apiKeyCipher: sealSecret(shop, apiKey), apiKeyHint: hintOf(apiKey) } : {};
  await client.returnLabelSettings.upsert({ where: { shop }, create: { shop, provider, ...key }, update: { provider, ...key } });
  return loadLabelSettings(client, shop, options);
}

/** Forgets the shop's own key (the fallback, if any, applies again). */
export async function removeLabelApiKey(client: DbClient, shop: string): Promise<void> {
  await client.returnLabelSettings.updateMany({ where: { shop }, data: { apiKeyCipher: null, apiKeyHint: null } });
}

async function verifyEasyPostKey(apiKey: string, options: LabelProviderOptions): Promise<void> {
  const { easyPostUrl, fetch } = defaults(options);
  try {
    await easyPostProvider({ apiKey, baseUrl: easyPostUrl, fetch }).verifyCredentials!();
  } catch (error) {
    if (error instanceof LabelProviderError && (error.status === 401 || error.status === 403)) {
      throw new InvalidInputError({ apiKey: [`was not accepted by EasyPost (${error.message.replace(/^EasyPost refused the request: /, "")})`] }, "EasyPost did not accept this API key");
    }
    throw error;
  }
}

/**
 * The provider that buys the shop's return labels: EasyPost with the shop's own key, else the app's fallback key.
 * Null when the shop uploads its own labels. ConflictError when EasyPost is chosen but no key can be used.
 */
export async function labelProviderFor(client: DbClient, shop: string, options: LabelProviderOptions = {}): Promise<CarrierLabelProvider | null> {
  const { easyPostUrl, fallbackApiKey, fetch } = defaults(options);
  const row = await client.returnLabelSettings.findUnique({ where: { shop } });
  if (row?.provider === "uploaded") return null;
  const own = row?.apiKeyCipher ? openSecret(shop, row.apiKeyCipher) : null;
  const apiKey = own ?? fallbackApiKey;
  if (!apiKey) {
    if (!row) return null;
    throw new ConflictError("EasyPost has no usable API key for this shop: enter it again in Returns settings");
  }
  return easyPostProvider({ apiKey, baseUrl: easyPostUrl, fetch });
}
