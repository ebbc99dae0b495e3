import { z } from "zod";
import { gid } from "~/orders/payload-fields";
import type { ReturnDecision } from "./evaluate";
import { outcomeSchema, returnMethodSchema, returnReasonSchema } from "./policy-schema";

/** The "test this order" simulator's input and answer (app/returns/simulate.server.ts), shared with the admin page. */

/** What the simulator form sends; the request part is optional (without it, only the lines are shown). */
export const simulationInputSchema = z.object({
  policy: z.unknown(),
  orderId: gid("Order"),
  request: z
    .object({
      items: z
        .array(
          z.object({
            lineItemId: gid("LineItem"),
            quantity: z.int("must be a whole number of items").min(0).max(10_000),
            reason: returnReasonSchema,
            note: z.string().max(2000).default(""),
            photoCount: z.int().min(0).max(20).default(0),
          }),
        )
        .max(250),
      outcome: outcomeSchema,
      method: returnMethodSchema.nullable().default(null),
    })
    .nullable()
    .default(null),
});
export type SimulationInput = z.input<typeof simulationInputSchema>;

export interface SimulatedLine {
  lineItemId: string;
  title: string;
  status: string;
  returnableQuantity: number;
  explanations: string[];
}

export interface SimulationResult {
  orderId: string;
  orderName: string;
  currency: string;
  lines: SimulatedLine[];
  /** null when no item was picked yet. */
  decision: {
    submittable: boolean;
    autoApprove: boolean;
    approval: string | null;
    items: { lineItemId: string; title: string; quantity: number; status: string; value: string; keepIt: boolean; explanations: string[] }[];
    allowedOutcomes: { outcome: string; bonusPercent: number; bonus: string }[];
    fees: { kind: string; amount: string; charged: string; explanations: string[] }[];
    totals: ReturnDecision["totals"];
    problems: string[];
    notes: string[];
  } | null;
}
