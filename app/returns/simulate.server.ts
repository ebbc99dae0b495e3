import { withoutControlCharacters } from "~/input/text";
import type { DbClient } from "~/db.server";
import { InvalidInputError, NotFoundError } from "~/errors";
import type { AdminGraphqlClient } from "~/shopify/admin-graphql.server";
import { evaluateReturnRequest } from "./evaluate";
import { explain } from "./explain";
import type { Explanation } from "./explanation";
import { loadOrderForReturn } from "./order-context.server";
import { returnPolicySchema } from "./policy-schema";
import { returnableLines } from "./returnable-lines";
import { simulationInputSchema, type SimulationResult } from "./simulation";

export type { SimulationInput, SimulationResult } from "./simulation";

/**
 * The merchant's "test this order" simulator: a real order of the shop decided under the policy being edited
 * (not saved yet), with every explanation as the merchant reads it. Nothing is written and nothing is sent.
 */

/** An order of the shop found by name ("#1001", "1001"), newest first. */
export async function searchOrdersForSimulation(client: DbClient, shop: string, query: string): Promise<{ id: string; name: string; processedAt: Date }[]> {
  const term = withoutControlCharacters(query).trim().replace(/^#/, "").slice(0, 40);
  if (!term) return [];
  return client.order.findMany({
    where: { shop, name: { contains: term }, redactedAt: null },
    orderBy: { processedAt: "desc" },
    take: 10,
    select: { id: true, name: true, processedAt: true },
  });
}

/**
 * Decides `input.request` for one of the shop's orders under `input.policy` (the unsaved draft). Throws
 * InvalidInputError with field paths ("policy.window.days", "request.items.0.quantity") for bad input.
 */
export async function simulateReturn(client: DbClient, admin: AdminGraphqlClient, shop: string, rawInput: unknown, now: Date): Promise<SimulationResult> {
  const input = simulationInputSchema.safeParse(rawInput);
  if (!input.success) throw InvalidInputError.fromZod(input.error, "The simulation could not be read");
  const policy = returnPolicySchema.safeParse(input.data.policy);
  if (!policy.success) throw prefixed(InvalidInputError.fromZod(policy.error, "The return policy is invalid"), "policy");

  const stored = await client.order.findUnique({ where: { shop_id: { shop, id: input.data.orderId } }, select: { customerId: true } });
  if (!stored) throw new NotFoundError("Order", input.data.orderId);
  // The order loader proves the customer owns the order; here the merchant owns the shop, so the order's own customer is named.
  if (!stored.customerId) throw new InvalidInputError({ orderId: ["is a guest order: Shopify's returns need a customer, so it can't be returned online"] });
  const loaded = await loadOrderForReturn(client, admin, { shop, customerId: stored.customerId, orderId: input.data.orderId });

  const context = { audience: "merchant" as const, timeZone: loaded.timeZone, now };
  const text = (item: Explanation) => explain(item, context);
  const lines = returnableLines(policy.data, loaded.order, now, loaded.timeZone).map((line) => ({
    lineItemId: line.lineItemId,
    title: line.title,
    status: line.status,
    returnableQuantity: line.returnableQuantity,
    explanations: line.explanations.map(text),
  }));

  const picked = input.data.request?.items.filter((item) => item.quantity > 0) ?? [];
  if (!input.data.request || picked.length === 0) {
    return { orderId: input.data.orderId, orderName: loaded.orderName, currency: String(loaded.order.currency), lines, decision: null };
  }
  const { outcome, method } = input.data.request;
  const byLine = new Map(loaded.order.lines.map((line) => [line.lineItemId, line]));
  // An exchange is simulated like for like (the same variant at its price): the price difference rules are shown by the portal.
  const exchangeItems = picked.flatMap((item) => {
    const line = byLine.get(item.lineItemId);
    return line?.productId && line.variantId
      ? [{ productId: line.productId, variantId: line.variantId, title: line.title, unitPrice: line.discountedUnitPrice, quantity: item.quantity }]
      : [];
  });
  const decision = evaluateReturnRequest({
    policy: policy.data,
    order: loaded.order,
    request: { items: picked, outcome, ...(method ? { method } : {}), ...(outcome === "exchange" ? { exchange: { items: exchangeItems.length ? exchangeItems : [] } } : {}) },
    now,
    timeZone: loaded.timeZone,
  });
  return {
    orderId: input.data.orderId,
    orderName: loaded.orderName,
    currency: String(loaded.order.currency),
    lines,
    decision: {
      submittable: decision.submittable,
      autoApprove: decision.autoApprove,
      approval: decision.approval ? text(decision.approval) : null,
      items: decision.items.map((item) => ({
        lineItemId: item.lineItemId,
        title: item.title ?? item.lineItemId,
        quantity: item.quantity,
        status: item.status,
        value: item.value.amount,
        keepIt: item.keepIt,
        explanations: item.explanations.map(text),
      })),
      allowedOutcomes: decision.allowedOutcomes.map((offer) => ({ outcome: offer.outcome, bonusPercent: offer.bonusPercent, bonus: offer.bonus.amount })),
      fees: decision.fees.map((fee) => ({ kind: fee.kind, amount: fee.amount.amount, charged: fee.charged.amount, explanations: fee.explanations.map(text) })),
      totals: decision.totals,
      problems: decision.problems.map(text),
      notes: decision.notes.map(text),
    },
  };
}

function prefixed(error: InvalidInputError, prefix: string): InvalidInputError {
  const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([path, messages]) => [path === "_" ? prefix : `${prefix}.${path}`, messages]));
  return new InvalidInputError(fieldErrors, error.message);
}
