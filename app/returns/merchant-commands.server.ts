import { containsNul, NUL_MESSAGE } from "~/input/text";
import { z } from "zod";
import { parseInput } from "./parse-input";
import type { ReturnsDeps } from "./returns-deps.server";
import {
  approveReturn,
  attachUploadedLabel,
  type BulkResult,
  buyShopReturnLabel,
  closeReturn,
  declineReturn,
  decideReturns,
  markReturnReceived,
  processReturn,
} from "./merchant-actions.server";

/**
 * The merchant's return commands as the admin pages send them (JSON). Declines carry Shopify's reason and a note;
 * labels are either the "merchant uploads a label / prepaid QR" option or bought with the shop's provider (buy_label).
 */
const declineFields = { reason: z.string(), note: z.string().optional() };

export const returnCommandSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve") }),
  z.object({ intent: z.literal("decline"), ...declineFields }),
  z.object({ intent: z.literal("label"), labelUrl: z.string(), trackingNumber: z.string().optional(), carrier: z.string().optional() }),
  z.object({ intent: z.literal("buy_label"), weightOz: z.unknown() }),
  z.object({ intent: z.literal("receive") }),
  z.object({ intent: z.literal("process") }),
  z.object({ intent: z.literal("close") }),
]);

/** Runs one command on one return; domain errors (InvalidInput, Conflict, Shopify userErrors) are thrown. */
export async function runReturnCommand(deps: ReturnsDeps, shop: string, id: string, body: unknown): Promise<void> {
  const command = parseInput(returnCommandSchema, body);
  switch (command.intent) {
    case "approve":
      return approveReturn(deps, shop, id);
    case "decline":
      return declineReturn(deps, shop, id, { reason: command.reason as never, note: command.note });
    case "label":
      return attachUploadedLabel(deps, shop, id, command);
    case "buy_label":
      return buyShopReturnLabel(deps, shop, id, { weightOz: command.weightOz as number });
    case "receive":
      return markReturnReceived(deps, shop, id);
    case "process":
      return processReturn(deps, shop, id);
    case "close":
      return closeReturn(deps, shop, id);
  }
}

const returnIds = z
  .array(z.string().min(1).refine((id) => !containsNul(id), NUL_MESSAGE))
  .min(1, "select at least one return")
  .max(100);

export const bulkCommandSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), ids: returnIds }),
  z.object({ intent: z.literal("decline"), ids: returnIds, ...declineFields }),
]);

/** Approves or declines the selected returns; each result says whether that one worked. */
export async function runBulkReturnCommand(deps: ReturnsDeps, shop: string, body: unknown): Promise<BulkResult[]> {
  const command = parseInput(bulkCommandSchema, body);
  return command.intent === "approve"
    ? decideReturns(deps, shop, command.ids, { action: "approve" })
    : decideReturns(deps, shop, command.ids, { action: "decline", decline: { reason: command.reason as never, note: command.note } });
}
