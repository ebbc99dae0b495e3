import { assertLookupId } from "~/input/text";
import type { DbClient } from "~/db.server";
import { NotFoundError } from "~/errors";
import { logger } from "~/logger.server";
import { type Offer, offerSchema, parseOffer } from "./offer-schema";

/**
 * The shop's offers. The whole validated document is stored as JSON; status and priority are copied into
 * columns so lists and the engine's candidate query need not parse every document.
 */

export interface StoredOffer {
  offer: Offer;
  createdAt: Date;
  updatedAt: Date;
}

/** Creates or replaces an offer from a merchant's document; throws InvalidInputError with field messages. */
export async function saveOffer(client: DbClient, shop: string, input: unknown): Promise<Offer> {
  const offer = parseOffer(input);
  const columns = { name: offer.name, status: offer.status, priority: offer.priority, document: JSON.stringify(offer) };
  await client.offer.upsert({ where: { shop_id: { shop, id: offer.id } }, create: { shop, id: offer.id, ...columns }, update: columns });
  return offer;
}

/** One offer of the shop; NotFoundError when the shop has none with that id. */
export async function getOffer(client: DbClient, shop: string, id: string): Promise<StoredOffer> {
  assertLookupId("Offer", id);
  const row = await client.offer.findUnique({ where: { shop_id: { shop, id } } });
  const offer = row ? readDocument(shop, row) : null;
  if (!row || !offer) throw new NotFoundError("Offer", id);
  return { offer, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

/** Every offer of the shop, highest priority first (archived ones last). */
export async function listOffers(client: DbClient, shop: string): Promise<StoredOffer[]> {
  const rows = await client.offer.findMany({ where: { shop }, orderBy: [{ priority: "desc" }, { id: "asc" }] });
  const stored = rows.flatMap((row) => {
    const offer = readDocument(shop, row);
    return offer ? [{ offer, createdAt: row.createdAt, updatedAt: row.updatedAt }] : [];
  });
  return stored.sort((a, b) => Number(a.offer.status === "archived") - Number(b.offer.status === "archived"));
}

/** The offers the engine may choose from: active ones (schedule, surface and targeting are its job). */
export async function loadActiveOffers(client: DbClient, shop: string): Promise<Offer[]> {
  const rows = await client.offer.findMany({ where: { shop, status: "active" }, orderBy: { id: "asc" } });
  return rows.flatMap((row) => readDocument(shop, row) ?? []);
}

/** Pauses, resumes or archives an offer without touching the rest of its document. */
export async function setOfferStatus(client: DbClient, shop: string, id: string, status: Offer["status"]): Promise<Offer> {
  const { offer } = await getOffer(client, shop, id);
  return saveOffer(client, shop, { ...offer, status });
}

// A document written by an older version that no longer parses is skipped, never shown half-understood.
function readDocument(shop: string, row: { id: string; document: string }): Offer | null {
  try {
    const parsed = offerSchema.safeParse(JSON.parse(row.document));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the warning
  }
  logger.warn({ shop, offerId: row.id }, "stored offer document is invalid; skipped");
  return null;
}
