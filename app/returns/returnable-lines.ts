import { z } from "zod";
import type { Explanation } from "./explanation";
import { type LineStatus, lineEligibility } from "./line-eligibility";
import { type ReturnOrderInput, returnOrderSchema, timeZoneSchema } from "./order-schema";
import { parseInput } from "./parse-input";
import { type Outcome, type ReturnPolicyInput, returnPolicySchema } from "./policy-schema";

/** One order line as the portal's first step shows it: can it be returned, how many, until when, for what. */
export interface ReturnableLine {
  lineItemId: string;
  title: string;
  status: LineStatus;
  returnableQuantity: number;
  /** The last local calendar day a return can be started (YYYY-MM-DD), when the window is known. */
  lastDay: string | null;
  /** The instant the window closes (midnight after `lastDay` in the shop's time zone). */
  closesAt: Date | null;
  /** The outcomes this line may be settled with; empty unless eligible. */
  outcomes: Outcome[];
  /** The headline first ("Returnable until …" or why not), then any limit on outcomes. */
  explanations: Explanation[];
}

const returnableLinesInputSchema = z.object({
  policy: returnPolicySchema,
  order: returnOrderSchema,
  now: z.date(),
  timeZone: timeZoneSchema,
});

/** Which items of an order can be returned and until when; throws InvalidInputError on malformed input. */
export function returnableLines(policy: ReturnPolicyInput, order: ReturnOrderInput, now: Date, timeZone: string): ReturnableLine[] {
  const input = parseInput(returnableLinesInputSchema, { policy, order, now, timeZone });
  return input.order.lines.map((line) => {
    const eligibility = lineEligibility(input.policy, input.order, line, input.now, input.timeZone);
    const dated = eligibility.window?.state === "awaiting_basis_date" ? null : eligibility.window;
    const eligible = eligibility.status === "eligible";
    return {
      lineItemId: line.lineItemId,
      title: line.title,
      status: eligibility.status,
      returnableQuantity: eligibility.returnableQuantity,
      lastDay: dated?.lastDay ?? null,
      closesAt: dated?.closesAt ?? null,
      outcomes: eligible ? eligibility.rules.outcomes : [],
      explanations: [eligibility.explanation, ...(eligible && eligibility.rules.outcomeLimit ? [eligibility.rules.outcomeLimit] : [])],
    };
  });
}
