import { z } from "zod";

/** The storefront's question (/apps/track/edd?variant=…&country=…&region=…): where to, for which variant. */
export const storefrontQuerySchema = z.object({
  shop: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "must be a myshopify.com domain"),
  country: z
    .string({ error: "is required" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 country code"),
  region: z.string().trim().max(10, "must be a region code of at most 10 characters").optional(),
  /** The selected variant: quoted from the location it usually ships from, when the shop ships from several. */
  variant: z
    .string()
    .regex(/^(\d{1,20}|gid:\/\/shopify\/ProductVariant\/\d{1,20})$/, "must be a variant id")
    .optional(),
});

export type StorefrontQuery = z.infer<typeof storefrontQuerySchema>;

/** Reads the query; a bad field is a 422 with a message per field. */
export function parseStorefrontQuery(url: URL): { ok: true; query: StorefrontQuery } | { ok: false; fieldErrors: Record<string, string> } {
  const read = (name: string) => url.searchParams.get(name) ?? undefined;
  const parsed = storefrontQuerySchema.safeParse({ shop: read("shop"), country: read("country"), region: read("region") || undefined, variant: read("variant") || undefined });
  if (parsed.success) return { ok: true, query: parsed.data };
  return { ok: false, fieldErrors: Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])) };
}
