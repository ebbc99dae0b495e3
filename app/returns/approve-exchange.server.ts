import { z } from "zod";
import type { DbClient } from "~/db.server";
import { ConflictError } from "~/errors";
import { logger } from "~/logger.server";
import { atomically } from "~/orders/atomically.server";
import type { AdminGraphqlClient } from "~/shopify/admin-graphql.server";
import { addReturnEvent, moveReturnCase, type ReturnCaseRow } from "./case-store.server";
import { exchangeLinesOf, type ExchangeVariant } from "./exchange-discount";
import type { Money } from "./money";
import type { ReturnReason } from "./policy-schema";
import type { ReturnsDeps } from "./returns-deps.server";
import { createShopifyReturn, declineShopifyReturn, type ReturnLineInput, requestShopifyReturn } from "./shopify-returns.server";

/**
 * Approving a request that carries exchange items. Shopify takes exchange line items only when a return is created
 * (`returnCreate`'s `exchangeLineItems`): `returnRequest` has no such field, `returnProcess` only confirms exchange
 * lines that already exist, and no mutation adds them to a requested return; Shopify documents `returnCreate` for
 * apps that review requests outside Shopify. So the request is replaced: declined in Shopify without notifying the
 * shopper (which, as Shopify documents, frees its items for a new return), then created again as an open return
 * with the same lines, reasons and request date, and the exchange items. Processing it later records the exchange.
 *
 * While this runs the case is claimed (`submitting`): the decline's webhook finds nothing it may move, a second
 * click finds nothing to approve, and the new return's webhook waits until the case names it. If the re-creation
 * fails, the request is put back in Shopify (`returnRequest`) and the case stays requested under the new id.
 */

const exchangeItemsSchema = z.array(z.object({ variantId: z.string().min(1), quantity: z.number().int().positive(), unitPrice: z.string().optional() }));

/** The exchange variants stored with a case, with the catalogue price the engine used ([] when it is not an exchange). */
export function exchangeItemsOf(row: { exchangeItems: string }): ExchangeVariant[] {
  const parsed = exchangeItemsSchema.safeParse(JSON.parse(row.exchangeItems || "[]"));
  if (!parsed.success) throw new Error(`stored exchange items are malformed: ${parsed.error.message}`);
  return parsed.data.map(({ variantId, quantity, unitPrice }) => ({ variantId, quantity, ...(unitPrice === undefined ? {} : { unitPrice }) }));
}

const REPLACED_NOTE = "Approved with an exchange: replaced by a new return that carries the exchange items.";

type Row = ReturnCaseRow & { shopifyReturnId: string };

/** Approves a requested case with exchange items by replacing its Shopify request (see above). */
export async function approveWithExchange(
  deps: Pick<ReturnsDeps, "db" | "admin" | "now">,
  shop: string,
  row: Row,
  exchange: readonly ExchangeVariant[],
): Promise<void> {
  // Everything that can fail on its own comes before the claim, so a failure cannot leave the case claimed.
  const admin = await deps.admin(shop);
  const lines = await linesOf(deps.db, shop, row.id);
  if (!(await moveReturnCase(deps.db, shop, row.id, ["requested"], { status: "submitting" }))) {
    throw new ConflictError(`Return ${row.name ?? row.id} changed meanwhile; reload and try again`);
  }
  try {
    await declineShopifyReturn(admin, row.shopifyReturnId, "OTHER", REPLACED_NOTE);
  } catch (error) {
    await moveReturnCase(deps.db, shop, row.id, ["submitting"], { status: "requested" });
    throw error;
  }
  let created;
  try {
    created = await createShopifyReturn(admin, row.orderId, lines, exchangeLinesOf(exchange, bonusOf(row)), { requestedAt: row.requestedAt });
  } catch (error) {
    await restoreRequest(deps.db, admin, shop, row, lines, deps.now());
    throw error;
  }
  const now = deps.now();
  await atomically(deps.db, async (tx) => {
    await tx.returnCase.updateMany({
      where: { shop, id: row.id, status: "submitting" },
      data: { status: "open", shopifyReturnId: created.id, name: created.name, approvedAt: now, shopifyStatusAt: now },
    });
    const items = exchange.reduce((sum, item) => sum + item.quantity, 0);
    await addReturnEvent(tx, shop, row.id, {
      kind: "approved",
      text: `Return approved with ${items} exchange item${items === 1 ? "" : "s"} (Shopify return ${created.name ?? created.id} replaces request ${row.name ?? row.shopifyReturnId})`,
      actor: "merchant",
      at: now,
    });
  });
  logger.info({ shop, returnId: row.id, replaced: row.shopifyReturnId, shopifyReturnId: created.id }, "return approved with exchange");
}

/** The bonus the engine applied to the new items, as stored with the case's decision totals (none unless an exchange). */
function bonusOf(row: Row): Money {
  return { amount: row.outcome === "exchange" ? row.bonusAmount : "0", currency: row.currency };
}

async function linesOf(client: DbClient, shop: string, returnId: string): Promise<ReturnLineInput[]> {
  const lines = await client.returnLine.findMany({ where: { shop, returnId }, orderBy: { fulfillmentLineItemId: "asc" } });
  return lines.map((line) => ({ fulfillmentLineItemId: line.fulfillmentLineItemId, quantity: line.quantity, reason: line.reason as ReturnReason, note: line.note }));
}

/** Compensation: the request was declined but the open return not created; ask Shopify for the request again. */
async function restoreRequest(client: DbClient, admin: AdminGraphqlClient, shop: string, row: Row, lines: ReturnLineInput[], now: Date): Promise<void> {
  try {
    const restored = await requestShopifyReturn(admin, row.orderId, lines);
    await client.returnCase.updateMany({ where: { shop, id: row.id, status: "submitting" }, data: { status: "requested", shopifyReturnId: restored.id, name: restored.name, shopifyStatusAt: now } });
  } catch (error) {
    // Shopify now holds only the declined request: the case says so rather than offering an approval that cannot work.
    logger.error({ shop, returnId: row.id, error: (error as Error).message }, "exchange approval failed and the request could not be restored");
    await atomically(client, async (tx) => {
      await tx.returnCase.updateMany({
        where: { shop, id: row.id, status: "submitting" },
        data: { status: "declined", declineReason: "OTHER", declineNote: "The approval with the exchange failed in Shopify", shopifyStatusAt: now },
      });
      await addReturnEvent(tx, shop, row.id, { kind: "declined", text: "Approval with the exchange failed in Shopify; the request was withdrawn", actor: "merchant", at: now });
    });
  }
}
