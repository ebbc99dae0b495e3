import { z } from "zod";
import { db } from "~/db.server";
import { InvalidInputError } from "~/errors";
import { logger } from "~/logger.server";
import { customerTokenClaims, shopOfToken } from "~/shipments/customer-token";
import { type AdminGraphqlClient } from "~/shopify/admin-graphql.server";
import { authenticate, unauthenticated } from "~/shopify.server";
import { armIdSchema, extensionErrorResponse, offerIdSchema, readJsonBody } from "./extension-http.server";
import { OFFER_EVENT_KINDS } from "./offer-events.server";
import { orderGidOf, recordSurfaceEvent, type ShopperContext, surfaceOffer } from "./surface-offers.server";

/** GET /api/offers and POST /api/offers/events for the thank-you and order-status blocks (see surface-contract.ts). */

const orderIdSchema = z
  .string("is required")
  .regex(/^gid:\/\/shopify\/(Order|OrderIdentity)\/\d+$/, "must be an order gid")
  .transform(orderGidOf);
const offerQuery = z.object({ surface: z.enum(["thank_you", "order_status"], "must be thank_you or order_status"), orderId: orderIdSchema });
const eventBody = z.object({ surface: z.enum(["thank_you", "order_status"], "must be thank_you or order_status"), orderId: orderIdSchema, offerId: offerIdSchema, armId: armIdSchema, kind: z.enum(OFFER_EVENT_KINDS) });

type Cors = (response: Response) => Response;

/** The shop and (for a logged-in shopper) the customer of a verified checkout or customer-account session token. */
function shopperOf(payload: unknown): { shop: string; customerId: string | null } | null {
  const customer = customerTokenClaims(payload);
  if (customer) return customer;
  const shop = shopOfToken(payload);
  return shop ? { shop, customerId: null } : null;
}

async function adminOrNull(shop: string): Promise<AdminGraphqlClient | null> {
  try {
    return (await unauthenticated.admin(shop)).admin;
  } catch (error) {
    // No offline session (not installed, or uninstalled): the page simply shows no offer.
    logger.info({ shop, error: error instanceof Error ? error.message : String(error) }, "no Admin API access for offers");
    return null;
  }
}

async function respond(cors: Cors, work: () => Promise<Response>): Promise<Response> {
  try {
    return cors(await work());
  } catch (error) {
    return cors(extensionErrorResponse(error));
  }
}

/** GET /api/offers?surface=thank_you|order_status&orderId=… */
export async function handleSurfaceOfferRequest(request: Request): Promise<Response> {
  const { sessionToken, cors } = await authenticate.public.checkout(request);
  return respond(cors, async () => {
    const params = new URL(request.url).searchParams;
    const query = offerQuery.safeParse({ surface: params.get("surface") ?? undefined, orderId: params.get("orderId") ?? undefined });
    if (!query.success) throw InvalidInputError.fromZod(query.error);
    const shopper = shopperOf(sessionToken);
    // The order-status page is behind customer login; only the thank-you page serves guests.
    if (!shopper || (query.data.surface === "order_status" && !shopper.customerId)) return Response.json({ error: "not_logged_in" }, { status: 401 });
    const context: ShopperContext = { ...shopper, orderId: query.data.orderId };
    const answer = await surfaceOffer(db(), await adminOrNull(shopper.shop), context, query.data.surface);
    return Response.json(answer, { headers: { "Cache-Control": "private, no-store" } });
  });
}

/** POST /api/offers/events */
export async function handleSurfaceEventRequest(request: Request): Promise<Response> {
  const { sessionToken, cors } = await authenticate.public.checkout(request);
  return respond(cors, async () => {
    const body = await readJsonBody(request, eventBody);
    const shopper = shopperOf(sessionToken);
    if (!shopper) return Response.json({ error: "not_logged_in" }, { status: 401 });
    await recordSurfaceEvent(db(), { ...shopper, orderId: body.orderId }, body);
    return new Response(null, { status: 204 });
  });
}
