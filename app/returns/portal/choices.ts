import type { ReturnDecision } from "../evaluate";
import type { ExchangeItem } from "../request-schema";
import type { ReturnSummary } from "../summary";
import { RETURN_METHODS, type Outcome, type ReturnMethod, type ReturnPolicy, type ReturnReason } from "../policy-schema";
import type { Draft } from "./draft";
import type { ExchangeOptions } from "./exchange-variants.server";
import { reasonKey, statusKey, type PortalTranslate } from "./messages";
import type { ReviewView } from "./render/steps";
import { formatMoney, methodLabel, outcomeLabel, reviewView, type ViewContext } from "./views";

/**
 * The choices each step offers the shopper, in the shopper's language: reasons with what they need, outcomes
 * with their bonus, exchange variants with live stock, methods with their fee. Pure; the portal's pages and the
 * customer-account extension's endpoints both show exactly these.
 */

export interface ShopperText {
  t: PortalTranslate;
  locale: string;
}

/** The reasons the policy offers, labelled. */
export function reasonChoices(policy: ReturnPolicy, { t }: ShopperText): { value: ReturnReason; label: string }[] {
  return (Object.entries(policy.reasons) as [ReturnReason, ReturnPolicy["reasons"][ReturnReason]][])
    .filter(([, rule]) => rule.offered)
    .map(([reason]) => ({ value: reason, label: t(reasonKey(reason)) }));
}

/** What a reason asks of the shopper (a note of some length, photos); with no reason chosen, that photos are optional. */
export function reasonHints(policy: ReturnPolicy, reason: ReturnReason | null | undefined, { t }: ShopperText): string[] {
  const rule = reason ? policy.reasons[reason] : null;
  return [
    ...(rule?.noteRequired ? [t("noteNeeded", { count: rule.minNoteLength })] : []),
    rule?.photoRequired ? t("photoNeeded", { count: rule.minPhotos }) : t("photoOptional"),
  ];
}

/** The outcomes the engine allows, with the bonus credit each brings; exchange only when its variants could be loaded. */
export function outcomeChoices(decision: ReturnDecision, exchangeLoaded: boolean, { t, locale }: ShopperText): { outcome: Outcome; label: string; bonus: string | null }[] {
  return decision.allowedOutcomes
    .filter((offer) => offer.outcome !== "exchange" || exchangeLoaded)
    .map((offer) => ({
      outcome: offer.outcome,
      label: outcomeLabel(t, offer.outcome),
      bonus: offer.bonusPercent > 0 && Number(offer.bonus.amount) > 0 ? t("bonus", { amount: formatMoney(offer.bonus, locale) }) : null,
    }));
}

export interface ExchangePicker {
  lineItemId: string;
  label: string;
  /** The chosen variant first; a variant without enough stock for the quantity is disabled. */
  options: { value: string; label: string; disabled: boolean }[];
}

/** Per returned line, the variants it can be exchanged for, with price and live stock. */
export function exchangePickers(
  draft: Draft,
  options: ExchangeOptions,
  context: { currency: string; titleOf: (lineItemId: string) => string },
  { t, locale }: ShopperText,
): ExchangePicker[] {
  const chosen = new Map((draft.exchange ?? []).map((choice) => [choice.lineItemId, choice.variantId]));
  return draft.items.map((item) => ({
    lineItemId: item.lineItemId,
    label: t("variantLabel", { title: context.titleOf(item.lineItemId) }),
    options: (options.get(item.lineItemId) ?? [])
      .map((option) => ({
        value: option.variantId,
        label: `${option.title} — ${formatMoney({ amount: option.price, currency: context.currency }, locale)} (${option.available === null ? "" : option.available > 0 ? t("inStock", { count: option.available }) : t("outOfStock")})`,
        disabled: !option.availableForSale || (option.available !== null && option.available < item.quantity),
      }))
      .sort((a, b) => Number(b.value === chosen.get(item.lineItemId)) - Number(a.value === chosen.get(item.lineItemId))),
  }));
}

/** The methods the policy offers, with the return shipping fee each costs. */
export function methodChoices(policy: ReturnPolicy, currency: string, { t, locale }: ShopperText): { method: ReturnMethod; label: string; fee: string }[] {
  return RETURN_METHODS.filter((method) => policy.methods[method].offered).map((method) => {
    const fee = policy.methods[method].fee ?? policy.fees.returnShipping;
    return { method, label: methodLabel(t, method), fee: Number(fee) === 0 ? t("free") : t("methodFee", { amount: formatMoney({ amount: fee, currency }, locale) }) };
  });
}

/** Whether every item of the decision is kept by the shopper, so no method needs choosing. */
export function keepsEverything(decision: ReturnDecision): boolean {
  return decision.items.length > 0 && decision.items.every((item) => item.keepIt);
}

/** The review of a complete draft: the shopper's choices in words, the engine's items, fees, totals and notes. */
export function draftReview(decision: ReturnDecision, draft: Draft, exchangeItems: readonly ExchangeItem[], idempotencyKey: string, view: ViewContext): ReviewView {
  const { t, locale } = view;
  const exchange = exchangeItems.map((item) => `${item.title} × ${item.quantity} — ${formatMoney({ amount: item.unitPrice, currency: decision.totals.currency }, locale)}`);
  const method = draft.method ? methodLabel(t, draft.method) : t("keepAll");
  return reviewView(decision, { outcome: outcomeLabel(t, draft.outcome ?? "refund"), method, exchange }, idempotencyKey, view);
}

/** A return's status as the shopper reads it: heading, status, items, outcome, money and the label. */
export function summaryTexts(summary: ReturnSummary, { t, locale }: ShopperText) {
  return {
    heading: t("returnHeading", { name: summary.name ?? "" }).trim(),
    status: t(statusKey(summary.status)),
    items: summary.items.map((item) => `${item.title} × ${item.quantity}`),
    outcome: outcomeLabel(t, summary.outcome),
    money: [
      ...(summary.refund ? [{ label: t("refund"), value: formatMoney(summary.refund, locale) }] : []),
      ...(summary.storeCredit ? [{ label: t("storeCredit"), value: formatMoney(summary.storeCredit, locale) }] : []),
    ],
    label: summary.label ? { url: summary.label.url, tracking: summary.label.trackingNumber ? t("trackingNumber", { number: summary.label.trackingNumber }) : null } : null,
  };
}
