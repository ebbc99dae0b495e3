import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { storefrontQuote } from "~/delivery-estimates/live/quote-cache.server";
import { parseStorefrontQuery } from "~/delivery-estimates/live/storefront-query";
import { authenticate } from "~/shopify.server";

/**
 * Storefront /apps/track/edd?country=DE&region=BE&variant=… (through Shopify's app proxy), called by the theme
 * extension's "Get it by" block: the precomputed promise for an order placed today of that variant, as JSON.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const started = performance.now();
  await authenticate.public.appProxy(request);
  const parsed = parseStorefrontQuery(new URL(request.url));
  if (!parsed.ok) return Response.json({ error: "invalid_query", fieldErrors: parsed.fieldErrors }, { status: 422 });
  const { shop, country, region, variant } = parsed.query;
  const quote = await storefrontQuote(db(), shop, { country, region, variant });
  const estimate = quote ? { earliestDate: quote.earliestDate, promisedDate: quote.promisedDate } : null;
  return Response.json(
    { country, estimate },
    { headers: { "Cache-Control": "public, max-age=300", "Server-Timing": `edd;dur=${(performance.now() - started).toFixed(2)}` } },
  );
}
