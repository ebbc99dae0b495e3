import { evaluateReturnRequest, type ReturnDecision } from "../evaluate";
import type { PortalReturnContext } from "../portal/backend";
import { keepsEverything } from "../portal/choices";
import { requestOf, type Draft } from "../portal/draft";
import { exchangeItemsOf, type ExchangeOptions } from "../portal/exchange-variants.server";
import type { PortalTranslate } from "../portal/messages";
import {
  noteField,
  parseExchangeStep,
  parseItemsStep,
  parseMethodStep,
  parseOutcomeStep,
  parseReasonsStep,
  quantityField,
  reasonField,
  variantField,
  type FormText,
  type PortalProblem,
} from "../portal/step-forms";
import { returnableLines } from "../returnable-lines";
import type { ReturnStep } from "./contract";
import { shopperText, type ViewContext } from "../portal/views";

/**
 * Checks an extension's draft with the portal's own step rules, up to the step the shopper just answered:
 * quantities against what Shopify still lets them return (refused, never clamped), reasons the policy offers,
 * the engine's verdict on each item, an allowed outcome with in-stock exchange variants, an offered method.
 * Pure: the caller loads the order, policy and exchange variants.
 */

const STEPS: readonly ReturnStep[] = ["items", "reasons", "outcome", "method"];

export type DraftCheck =
  | { ok: true; draft: Draft; decision: ReturnDecision }
  | { ok: false; fieldErrors: Record<string, string[]> };

/** The draft as the portal's form fields, so the portal's step parsers read it unchanged. */
export function draftFields(draft: Draft): FormText {
  const fields = new Map<string, string>();
  for (const item of draft.items) {
    fields.set(quantityField(item.lineItemId), String(item.quantity));
    if (item.reason) fields.set(reasonField(item.lineItemId), item.reason);
    fields.set(noteField(item.lineItemId), item.note);
  }
  if (draft.outcome) fields.set("outcome", draft.outcome);
  for (const choice of draft.exchange ?? []) fields.set(variantField(choice.lineItemId), choice.variantId);
  if (draft.method) fields.set("method", draft.method);
  return (name) => fields.get(name) ?? null;
}

/** The engine's decision on a draft; exchange items priced from the loaded catalogue variants. */
export function evaluateDraft(context: PortalReturnContext, draft: Draft, options: ExchangeOptions, now: Date): ReturnDecision {
  return evaluateReturnRequest({
    policy: context.policy,
    order: context.order,
    request: requestOf(draft, exchangeItemsOf(draft, options)),
    now,
    timeZone: context.timeZone,
  });
}

/**
 * Checks `draft` through `step`. `exchange` is the live variants of the draft's lines, or null when they could
 * not be loaded (an exchange then cannot be chosen). Answers the normalised draft and the engine's decision on
 * its items, or translated messages per step.
 */
export function checkDraft(
  context: PortalReturnContext,
  draft: Draft,
  step: ReturnStep,
  exchange: ExchangeOptions | null,
  view: ViewContext,
): DraftCheck {
  const through = (candidate: ReturnStep) => STEPS.indexOf(candidate) <= STEPS.indexOf(step);
  const refuse = (key: string, problems: PortalProblem[]): DraftCheck => ({ ok: false, fieldErrors: { [key]: problems.map((problem) => translate(view.t, problem)) } });
  const field = draftFields(draft);
  const titles = new Map(context.order.lines.map((line) => [line.lineItemId, line.title]));
  const titleOf = (lineItemId: string) => titles.get(lineItemId) ?? lineItemId;

  if (draft.items.some((item) => !titles.has(item.lineItemId))) return refuse("items", [{ key: "draftInvalid" }]);
  const items = parseItemsStep(field, returnableLines(context.policy, context.order, view.now, context.timeZone));
  if (!items.ok) return refuse("items", items.problems);
  let checked: Draft = draft;
  const decisionOnItems = () => evaluateDraft(context, { ...checked, outcome: undefined, exchange: undefined }, new Map(), view.now);
  if (!through("reasons")) return { ok: true, draft: checked, decision: decisionOnItems() };

  const reasons = parseReasonsStep(field, draft, context.policy, titleOf);
  if (reasons.problems.length > 0) return refuse("reasons", reasons.problems);
  checked = { ...draft, items: reasons.items };
  const decision = decisionOnItems();
  const refused = decision.items.filter((item) => item.status !== "eligible");
  if (refused.length > 0) {
    // The engine's first explanation says why and names the item, as the portal shows it under the item.
    return { ok: false, fieldErrors: { reasons: refused.flatMap((item) => item.explanations.slice(0, 1).map((text) => shopperText(text, view))) } };
  }
  if (!through("outcome")) return { ok: true, draft: checked, decision };

  const outcome = parseOutcomeStep(field, decision.allowedOutcomes.map((offer) => offer.outcome));
  if (!outcome.ok) return refuse("outcome", outcome.problems);
  checked = { ...checked, outcome: outcome.value, exchange: undefined };
  if (outcome.value === "exchange") {
    if (!exchange) return refuse("outcome", [{ key: "exchangeUnavailable" }]);
    const variants = parseExchangeStep(field, checked, (lineItemId) => exchange.get(lineItemId) ?? [], titleOf);
    if (!variants.ok) return refuse("exchange", variants.problems);
    checked = { ...checked, exchange: variants.value };
  }
  if (!through("method")) return { ok: true, draft: checked, decision };

  if (keepsEverything(decision)) return { ok: true, draft: { ...checked, method: undefined }, decision };
  const method = parseMethodStep(field, context.policy);
  if (!method.ok) return refuse("method", method.problems);
  return { ok: true, draft: { ...checked, method: method.value }, decision };
}

function translate(t: PortalTranslate, problem: PortalProblem): string {
  return t(problem.key, problem.values);
}
