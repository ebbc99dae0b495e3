import { z } from "zod";
import type { DbClient } from "~/db.server";
import { InvalidInputError } from "~/errors";

/** Carrier update sources a merchant can connect besides Shopify's own events. */
export const CONNECTABLE_PROVIDERS = ["easypost"] as const;
export type ConnectableProvider = (typeof CONNECTABLE_PROVIDERS)[number];

/** What a merchant enters to connect a source: the webhook secret they set at the provider. */
export const carrierSourceInputSchema = z.object({
  provider: z.enum(CONNECTABLE_PROVIDERS),
  // Not trimmed: the provider signs with the secret exactly as set there.
  webhookSecret: z.string().min(16, "must be at least 16 characters").max(512, "must be at most 512 characters"),
});

/** Connects (or re-keys) a carrier update source for the shop. Throws InvalidInputError with field messages. */
export async function connectCarrierSource(client: DbClient, shop: string, input: unknown): Promise<void> {
  const parsed = carrierSourceInputSchema.safeParse(input);
  if (!parsed.success) throw InvalidInputError.fromZod(parsed.error);
  const { provider, webhookSecret } = parsed.data;
  await client.carrierSource.upsert({
    where: { shop_provider: { shop, provider } },
    create: { shop, provider, webhookSecret },
    update: { webhookSecret },
  });
}

/** Disconnects a source: its webhooks are refused from now on. */
export async function disconnectCarrierSource(client: DbClient, shop: string, provider: ConnectableProvider): Promise<void> {
  await client.carrierSource.deleteMany({ where: { shop, provider } });
}

/** The shop's webhook secret for a provider, or null when the shop has not connected it. */
export async function carrierWebhookSecret(client: DbClient, shop: string, provider: ConnectableProvider): Promise<string | null> {
  const source = await client.carrierSource.findUnique({ where: { shop_provider: { shop, provider } }, select: { webhookSecret: true } });
  return source?.webhookSecret ?? null;
}
