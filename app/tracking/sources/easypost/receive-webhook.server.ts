import { z } from "zod";
import { db } from "~/db.server";
import { DomainError, httpStatusOf } from "~/errors";
import { logger } from "~/logger.server";
import { readBodyWithinLimit } from "~/webhooks/body-limit";
import { carrierWebhookSecret } from "../carrier-source-settings.server";
import { storeCarrierUpdate } from "../carrier-update-inbox.server";
import { easyPostEventFromBody, easyPostTrackerSchema, isTrackerEvent, parseEasyPost } from "./payload";
import { EASYPOST_SIGNATURE_HEADER, isValidEasyPostSignature } from "./signature";

/** A tracker event is a few KB; nothing legitimate comes near this. */
const MAX_BODY_BYTES = 1024 * 1024;

const shopDomainSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,61}\.myshopify\.com$/);

/**
 * The EasyPost webhook endpoint of one shop (/carriers/easypost/<shop>): bounds the body, verifies its
 * signature with the shop's webhook secret, checks the documented shape, and stores it with its job; 200 only
 * once that has committed. An unknown shop, a shop without EasyPost connected and a bad signature all get the
 * same 401 and leave no trace in the database. Events other than tracker.* are acknowledged and dropped.
 */
export async function receiveEasyPostWebhook(request: Request, shopParam: string | undefined): Promise<Response> {
  if (request.method !== "POST") return new Response(null, { status: 405, headers: { Allow: "POST" } });
  try {
    const body = await readBodyWithinLimit(request, MAX_BODY_BYTES);
    const shop = shopDomainSchema.safeParse(shopParam);
    const secret = shop.success ? await carrierWebhookSecret(db(), shop.data, "easypost") : null;
    if (!shop.success || !secret || !isValidEasyPostSignature(body, request.headers.get(EASYPOST_SIGNATURE_HEADER), secret)) {
      return reject(401, "invalid signature", shopParam);
    }
    const payload = Buffer.from(body).toString("utf8");
    const event = easyPostEventFromBody(payload);
    if (!isTrackerEvent(event)) {
      logger.info({ shop: shop.data, description: event.description }, "EasyPost event not about a tracker; dropped");
      return new Response(null, { status: 200 });
    }
    parseEasyPost(easyPostTrackerSchema, event.result);
    const outcome = await storeCarrierUpdate(db(), shop.data, { provider: "easypost", externalId: event.id, payload });
    logger.debug({ shop: shop.data, eventId: event.id, outcome }, "EasyPost webhook received");
    return new Response(null, { status: 200 });
  } catch (error) {
    if (error instanceof DomainError) return reject(httpStatusOf(error), error.message, shopParam);
    throw error;
  }
}

function reject(status: number, reason: string, shopParam: string | undefined): Response {
  // Unverified input: bounded so a forged request cannot flood the logs.
  logger.warn({ status, reason: reason.slice(0, 300), shop: shopParam?.slice(0, 100) }, "EasyPost webhook rejected");
  return new Response(null, { status });
}
