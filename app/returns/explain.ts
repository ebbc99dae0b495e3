import { Temporal } from "temporal-polyfill";
import type { Explanation, ExplanationCode, ExplanationParams, FeeKind, FeeWaiverCause } from "./explanation";
import type { Money } from "./money";
import type { Outcome, ReturnMethod, ReturnReason, WindowBasis } from "./policy-schema";

/**
 * English texts for explanations. Shoppers read plain consequences ("Final sale — this item can't be
 * returned"); merchants also read which rule or setting decided. Other languages will be message
 * catalogues keyed by the same codes.
 */

/** Who reads the text, and the shop's time zone and clock for dates. */
export interface ExplainContext {
  audience: "shopper" | "merchant";
  /** The shop's time zone; a date in the current local year is shown without its year. */
  timeZone: string;
  now: Date;
}

/** Renders an explanation as one English sentence for the given audience. */
export function explain(item: Explanation, context: ExplainContext): string {
  return render(item.code, item.params, context);
}

function render<Code extends ExplanationCode>(code: Code, params: ExplanationParams[Code], context: ExplainContext): string {
  const text = MESSAGES[code](params, formatterFor(context));
  return typeof text === "string" ? text : text[context.audience];
}

type Text = string | { shopper: string; merchant: string };
type Message<Params> = (params: Params, format: Formatter) => Text;

/** The shopper-facing label of each return reason. */
export const REASONS: Record<ReturnReason, string> = {
  size_too_small: "Too small",
  size_too_large: "Too large",
  unwanted: "Changed my mind",
  not_as_described: "Not as described",
  wrong_item: "Received the wrong item",
  defective: "Damaged or defective",
  style: "Didn't like the style",
  color: "Didn't like the color",
  other: "Other",
};

const OUTCOMES: Record<Outcome, string> = { exchange: "exchange", store_credit: "store credit", refund: "refund to the original payment" };
const METHODS: Record<ReturnMethod, string> = { mail_label: "prepaid label", drop_off: "drop-off", in_store: "return in store" };
const BASES: Record<WindowBasis, string> = { delivered: "delivery", fulfilled: "shipping", ordered: "the order" };
const FEES: Record<FeeKind, string> = { restocking: "Restocking fee", handling: "Handling fee", return_shipping: "Return shipping" };
const WAIVERS: Record<FeeWaiverCause, string> = { reason: "for this return reason", exchange: "for exchanges", keep_it: "as you keep the item" };

interface Formatter {
  date: (day: string) => string;
  money: (value: Money) => string;
  or: (values: readonly string[]) => string;
  and: (values: readonly string[]) => string;
}

function formatterFor({ timeZone, now }: ExplainContext): Formatter {
  const currentYear = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).year;
  return {
    // Dates are already local calendar days, so they are printed as such (UTC adds no shift).
    date: (day) => {
      const date = Temporal.PlainDate.from(day);
      return new Intl.DateTimeFormat("en-GB", {
        day: "numeric",
        month: "long",
        ...(date.year === currentYear ? {} : { year: "numeric" }),
        timeZone: "UTC",
      }).format(Date.UTC(date.year, date.month - 1, date.day));
    },
    money: ({ amount, currency }) => new Intl.NumberFormat("en", { style: "currency", currency }).format(amount as Intl.StringNumericLiteral),
    or: (values) => new Intl.ListFormat("en", { type: "disjunction" }).format(values),
    and: (values) => new Intl.ListFormat("en", { type: "conjunction" }).format(values),
  };
}

const quote = (text: string) => `“${text}”`;
const ruleNote = (rule: string | null) => (rule ? ` (rule ${quote(rule)})` : "");

function windowText(params: ExplanationParams["returnable_until"], format: Formatter): string {
  const unknown = params.fellBackFrom ? `; ${BASES[params.fellBackFrom]} date unknown` : "";
  return `${params.days} days after ${BASES[params.basis]} on ${format.date(params.basisDate)}${unknown}`;
}

const MESSAGES: { [Code in ExplanationCode]: Message<ExplanationParams[Code]> } = {
  returnable_until: (p, f) => ({
    shopper: `Returnable until ${f.date(p.lastDay)} (${windowText(p, f)})`,
    merchant: `Returnable until ${f.date(p.lastDay)} (${windowText(p, f)})${p.rule ? `; window set by rule ${quote(p.rule)}` : ""}`,
  }),
  window_closed: (p, f) => ({
    shopper: `The return window ended on ${f.date(p.lastDay)} (${windowText(p, f)})`,
    merchant: `Outside the return window, which ended on ${f.date(p.lastDay)} (${windowText(p, f)})${p.rule ? `; window set by rule ${quote(p.rule)}` : ""}`,
  }),
  awaiting_basis_date: (p) => ({
    shopper: p.basis === "delivered" ? "Returns open once your order is delivered" : "Returns open once this item has shipped",
    merchant: `The return window starts at ${BASES[p.basis]}, whose date is not known yet`,
  }),
  returns_disabled: () => ({
    shopper: "Returns can't be requested online for this store — please contact us",
    merchant: "Returns are turned off in the return policy",
  }),
  final_sale: (p) => ({
    shopper: "Final sale — this item can't be returned",
    merchant: `Final sale${p.rule ? ruleNote(p.rule) : " (marked on the order)"}`,
  }),
  not_returnable: (p) => ({ shopper: "This item can't be returned", merchant: `Not returnable${ruleNote(p.rule)}` }),
  no_outcome_offered: (p, f) => ({
    shopper: "This item can't be returned",
    merchant: `Not returnable: ${f.and(p.rules.map(quote))} allow only outcomes the policy does not offer`,
  }),
  not_fulfilled: () => ({
    shopper: "This item hasn't shipped yet — contact us if you'd like to cancel it",
    merchant: "Not fulfilled yet, so nothing can be returned",
  }),
  already_returned: (p) => ({
    shopper: "Already returned",
    merchant: `Every fulfilled unit is already returned (${p.returnedQuantity})`,
  }),
  quantity_exceeds: (p) => ({
    shopper: `You can return up to ${p.returnable} of ${p.title}`,
    merchant: `Asked to return ${p.requested} of ${p.title}, but only ${p.returnable} can be returned`,
  }),
  unknown_item: (p) => ({ shopper: "This item isn't part of your order", merchant: `Line item ${p.lineItemId} is not in this order` }),
  reason_not_offered: (p) => ({
    shopper: `${quote(REASONS[p.reason])} isn't accepted as a return reason — please choose another`,
    merchant: `Reason ${quote(REASONS[p.reason])} is turned off in the return policy`,
  }),
  needs_photo: (p) => ({
    shopper: `Please add ${p.minPhotos === 1 ? "a photo" : `${p.minPhotos} photos`} of ${p.title} — needed when the reason is ${quote(REASONS[p.reason])}`,
    merchant: `Reason ${quote(REASONS[p.reason])} needs ${p.minPhotos} photo(s); ${p.photoCount} given`,
  }),
  needs_note: (p) => ({
    shopper: `Please tell us more about ${p.title} (at least ${p.minLength} characters) — needed when the reason is ${quote(REASONS[p.reason])}`,
    merchant: `Reason ${quote(REASONS[p.reason])} needs a note of at least ${p.minLength} characters`,
  }),
  exchange_only: (p) => ({ shopper: `${p.title} can be exchanged, not refunded`, merchant: `Exchange only${ruleNote(p.rule)}` }),
  store_credit_only: (p) => ({ shopper: `${p.title} can be returned for store credit only`, merchant: `Store credit only${ruleNote(p.rule)}` }),
  exchange_or_store_credit_only: (p, f) => ({
    shopper: `${p.title} can be exchanged or returned for store credit`,
    merchant: `Rules ${f.and(p.rules.map(quote))} allow only an exchange and only store credit; both are allowed`,
  }),
  keep_it: (p, f) => ({
    shopper: `Keep ${p.title} — no need to send it back`,
    merchant: `Keep-it: ${p.title} is not sent back (reason ${quote(REASONS[p.reason])}${p.maxUnitValue ? `, worth at most ${f.money(p.maxUnitValue)} each` : ""})`,
  }),
  restocking_fee: (p, f) => {
    const text = `Restocking fee for ${p.title}: ${f.money(p.fee)}${p.percent === null ? "" : ` (${p.percent}%)`}`;
    return { shopper: text, merchant: `${text}${ruleNote(p.rule)}` };
  },
  handling_fee: (p, f) => ({
    shopper: `Handling fee for ${p.title}: ${f.money(p.fee)}`,
    merchant: `Handling fee for ${p.title}: ${f.money(p.fee)}${ruleNote(p.rule)}`,
  }),
  return_shipping_fee: (p, f) => `Return shipping${p.method ? ` (${METHODS[p.method]})` : ""}: ${f.money(p.fee)}`,
  fee_waived: (p, f) => {
    const fee = p.title ? `${FEES[p.fee]} for ${p.title}` : FEES[p.fee];
    const because = p.because === "reason" && p.reason ? `for reason ${quote(REASONS[p.reason])}` : WAIVERS[p.because];
    return `${fee} waived ${because} (saves ${f.money(p.amount)})`;
  },
  fee_capped: (p, f) => {
    const fee = p.title ? `${FEES[p.fee]} for ${p.title}` : FEES[p.fee];
    return `${fee} reduced from ${f.money(p.amount)} to ${f.money(p.cappedTo)}: fees never exceed what the returned items are worth`;
  },
  store_credit_bonus: (p, f) => `Store credit gets a ${p.percent}% bonus: ${f.money(p.bonus)} extra credit`,
  exchange_bonus: (p, f) => `Exchanges get a ${p.percent}% bonus: ${f.money(p.bonus)} extra credit`,
  exchange_difference_due: (p, f) => ({
    shopper: `The new items cost ${f.money(p.amount)} more than your return — you'll pay the difference`,
    merchant: `The shopper pays ${f.money(p.amount)} for the difference in price`,
  }),
  exchange_costs_more: (p, f) => ({
    shopper: `The new items cost ${f.money(p.amount)} more than your return — please choose items of equal or lower value`,
    merchant: `The new items cost ${f.money(p.amount)} more and the policy does not let shoppers pay the difference`,
  }),
  exchange_difference_refunded: (p, f) => `The new items cost less: ${f.money(p.amount)} goes back to the original payment`,
  exchange_difference_credited: (p, f) => `The new items cost less: ${f.money(p.amount)} is added as store credit`,
  exchange_difference_forfeited: (p, f) => `The new items cost ${f.money(p.amount)} less; the difference is not refunded`,
  exchange_product_not_allowed: (p) => ({
    shopper: `${p.title} isn't available as an exchange — choose another size or color of the item you're returning`,
    merchant: `${p.title} is not a variant of a returned product, and exchanges are limited to the same product`,
  }),
  outcome_not_allowed: (p, f) => `A ${OUTCOMES[p.outcome]} isn't available for these items — choose ${f.or(p.allowed.map((outcome) => OUTCOMES[outcome]))}`,
  outcomes_conflict: (p, f) => ({
    shopper: `${f.and(p.titles)} can't be returned together — please return them in separate requests`,
    merchant: `${f.and(p.titles)} allow no outcome in common`,
  }),
  method_required: () => "Choose how you'll send the items back",
  method_not_offered: (p) => `${METHODS[p.method][0]?.toUpperCase()}${METHODS[p.method].slice(1)} isn't available — choose another way to send the items back`,
  auto_approved: (p) => ({ shopper: "Your return is approved", merchant: `Approved automatically by auto-approval rule ${p.rule}` }),
  needs_review: () => ({ shopper: "We'll review your request and get back to you", merchant: "Needs review: no auto-approval rule matches" }),
};
