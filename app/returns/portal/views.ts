import type { ReturnDecision } from "../evaluate";
import type { Explanation } from "../explanation";
import type { Money } from "../money";
import type { PageLocale } from "~/tracking-page/messages";
import { shopperExplanation } from "./explanations";
import type { PortalTranslate } from "./messages";
import { methodKey, outcomeKey, reasonKey } from "./messages";
import type { ReviewView } from "./render/steps";

/** Turns engine results into the shopper's texts: explanations, money, totals. Pure. */

export interface ViewContext {
  t: PortalTranslate;
  locale: PageLocale;
  timeZone: string;
  now: Date;
}

/** An explanation as the shopper reads it, in the page's language. */
export function shopperText(item: Explanation, context: ViewContext): string {
  return shopperExplanation(item, context.locale, { timeZone: context.timeZone, now: context.now });
}

export function formatMoney(value: Money, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: value.currency }).format(value.amount as Intl.StringNumericLiteral);
}

const isZero = (value: Money) => Number(value.amount) === 0;

/** The review page's content for a decision on the full request. */
export function reviewView(
  decision: ReturnDecision,
  choices: { outcome: string; method: string | null; exchange: string[] },
  idempotencyKey: string,
  context: ViewContext,
): ReviewView {
  const { t, locale } = context;
  const text = (item: Explanation) => shopperText(item, context);
  const { totals } = decision;
  // An exchange's bonus pays toward the new items, so it follows them; "of which bonus" belongs to store credit.
  const exchangeBonus = !isZero(totals.exchangeValue);
  const rows: { label: string; value: Money; always?: boolean }[] = [
    { label: t("itemsValue"), value: totals.itemsValue, always: true },
    { label: t("fees"), value: totals.fees },
    { label: t("refund"), value: totals.refund },
    { label: t("storeCredit"), value: totals.storeCredit },
    ...(exchangeBonus ? [] : [{ label: t("bonusCredit"), value: totals.bonusCredit }]),
    { label: t("exchangeValue"), value: totals.exchangeValue },
    ...(exchangeBonus ? [{ label: t("exchangeBonus"), value: totals.bonusCredit }] : []),
    { label: t("amountDue"), value: totals.amountDue },
  ];
  return {
    items: decision.items.map((item) => ({
      lineItemId: item.lineItemId,
      title: item.title ?? item.lineItemId,
      quantity: item.quantity,
      reason: t(reasonKey(item.reason)),
      explanations: item.explanations.map(text),
    })),
    ...choices,
    fees: decision.fees.flatMap((fee) => fee.explanations.map(text)),
    totals: rows.filter((row) => row.always || !isZero(row.value)).map((row) => ({ label: row.label, value: formatMoney(row.value, locale) })),
    notes: decision.notes.map(text),
    approval: decision.approval ? text(decision.approval) : null,
    blockers: decision.submittable
      ? []
      : [...decision.items.filter((item) => item.status !== "eligible").flatMap((item) => item.explanations.slice(0, 1).map(text)), ...decision.problems.map(text)],
    idempotencyKey,
  };
}

/** The label of an outcome or method as the portal names it. */
export const outcomeLabel = (t: PortalTranslate, outcome: Parameters<typeof outcomeKey>[0]) => t(outcomeKey(outcome));
export const methodLabel = (t: PortalTranslate, method: Parameters<typeof methodKey>[0]) => t(methodKey(method));
