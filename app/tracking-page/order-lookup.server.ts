import { createHash, timingSafeEqual } from "node:crypto";
import type { DbClient } from "~/db.server";
import { candidateOrderNames, normaliseEmail, type LookupInput } from "./lookup-input";

const digest = (value: string) => createHash("sha256").update(value).digest();
// Compared against when no order matched, so a miss does the same work as a wrong email.
const NO_EMAIL = digest("\u0000no-order\u0000");

async function candidateOrders(client: DbClient, shop: string, input: LookupInput): Promise<{ id: string; email: string | null }[]> {
  const select = { id: true, email: true } as const;
  if (input.order) return client.order.findMany({ where: { shop, name: { in: candidateOrderNames(input.order) }, redactedAt: null }, select, take: 5 });
  const parcels = await client.shipment.findMany({ where: { shop, trackingNumber: input.trackingNumber }, select: { orderId: true }, take: 5 });
  return client.order.findMany({ where: { shop, id: { in: parcels.map((parcel) => parcel.orderId) }, redactedAt: null }, select, take: 5 });
}

/**
 * The id of the shop's order named `input.order` (or holding the parcel `input.trackingNumber`) whose email is
 * `input.email`, or null. Unknown order, wrong email and an order of another shop all end the same way, after
 * the same indexed queries and comparison, so the answer says nothing about which part was wrong.
 */
export async function findOrderForLookup(client: DbClient, shop: string, input: LookupInput): Promise<string | null> {
  const candidates = await candidateOrders(client, shop, input);
  const typed = digest(normaliseEmail(input.email));
  let found: string | null = null;
  for (const candidate of candidates.length ? candidates : [{ id: null, email: null }]) {
    const held = candidate.email ? digest(normaliseEmail(candidate.email)) : NO_EMAIL;
    if (timingSafeEqual(held, typed) && candidate.id && found === null) found = candidate.id;
  }
  return found;
}
