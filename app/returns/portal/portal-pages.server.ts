import type { DbClient } from "~/db.server";
import { httpStatusOf } from "~/errors";
import { logger } from "~/logger.server";
import { dateFormats } from "~/tracking-page/render/dates";
import { type PhotoStorage } from "../photo-store.server";
import { returnableLines, type ReturnableLine } from "../returnable-lines";
import type { PortalReturnContext, ReturnsBackend } from "./backend";
import { encodeDraft, type Draft } from "./draft";
import { type ExchangeOptions } from "./exchange-variants.server";
import { statusKey } from "./messages";
import { renderPortalPage } from "./render/render-portal";
import type { StepPage } from "./render/steps";
import type { Shopper } from "./shopper.server";
import { quantityField, type FormText, type PortalProblem } from "./step-forms";
import { formatMoney, outcomeLabel, shopperText, type ViewContext } from "./views";

/** The portal's pages and their shared pieces: headers, frame, refusals, the items step and the status page. */

export interface PortalDeps {
  db: DbClient;
  backend: ReturnsBackend;
  photos?: PhotoStorage;
  now?: () => Date;
  /** Replaces the Admin API look-up of exchange variants (tests); null when exchanges can't be offered. */
  exchangeOptions?: (order: PortalReturnContext["order"], draft: Draft) => Promise<ExchangeOptions | null>;
}

const PAGE_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "private, no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
  "X-Content-Type-Options": "nosniff",
};

export const html = (body: string, status = 200) => new Response(body, { status, headers: PAGE_HEADERS });

export function chrome(shopper: Shopper) {
  return { frame: shopper.frame, t: shopper.t };
}

export function loginPage(shopper: Shopper): Response {
  return html(renderPortalPage.login(chrome(shopper), { loginUrl: shopper.loginUrl }), 401);
}

/**
 * Refusals the backend raises: another customer's order (403), an unknown one (404), and Shopify failing or
 * refusing (502: the shopper can only try again later); anything else is a bug.
 */
export function refusal(shopper: Shopper, error: unknown): Response {
  const status = httpStatusOf(error);
  if (status !== 403 && status !== 404 && status !== 502) throw error;
  if (status === 502) logger.error({ shop: shopper.proxy.shop, error: (error as Error).message }, "return portal could not reach Shopify");
  const message = shopper.t(status === 403 ? "forbidden" : status === 404 ? "notFound" : "unavailable");
  return html(renderPortalPage.message(chrome(shopper), { title: shopper.t("title"), message, backHref: shopper.proxy.href("returns") }), status);
}

export function viewContext(shopper: Shopper, context: PortalReturnContext, deps: PortalDeps): ViewContext {
  return { t: shopper.t, locale: shopper.locale, timeZone: context.timeZone, now: (deps.now ?? (() => new Date()))() };
}

export function linesOf(context: PortalReturnContext, deps: PortalDeps): ReturnableLine[] {
  return returnableLines(context.policy, context.order, (deps.now ?? (() => new Date()))(), context.timeZone);
}

export function stepPage(shopper: Shopper, orderLegacyId: string, draft: Draft | null, problems: PortalProblem[], title?: string): StepPage {
  return {
    chrome: chrome(shopper),
    title: title ?? shopper.t("title"),
    action: shopper.proxy.href(`returns/${orderLegacyId}`),
    draft: draft ? encodeDraft(draft) : null,
    problems: problems.map((problem) => shopper.t(problem.key, problem.values)),
    startOverHref: shopper.proxy.href(`returns/${orderLegacyId}`),
    ordersHref: shopper.proxy.href("returns"),
  };
}

export function itemsPage(
  shopper: Shopper,
  orderLegacyId: string,
  context: PortalReturnContext,
  deps: PortalDeps,
  problems: PortalProblem[],
  field: FormText | null,
  status = 200,
): Response {
  const view = viewContext(shopper, context, deps);
  const lines = linesOf(context, deps).map((line) => ({
    lineItemId: line.lineItemId,
    title: line.title,
    returnableQuantity: line.returnableQuantity,
    explanations: line.explanations.map((item) => shopperText(item, view)),
    field: quantityField(line.lineItemId),
    value: Number(field?.(quantityField(line.lineItemId)) ?? 0) || 0,
  }));
  const existing = context.existingReturns.map((summary) => ({
    href: shopper.proxy.href(`returns/status/${encodeURIComponent(summary.returnId)}`),
    name: summary.name ?? shopper.t("title"),
    status: shopper.t(statusKey(summary.status)),
  }));
  return html(renderPortalPage.items(stepPage(shopper, orderLegacyId, null, problems), { lines, existing }), status);
}

export async function statusPage(shopper: Shopper, returnId: string, deps: PortalDeps, submitted: boolean): Promise<string> {
  const summary = await deps.backend.loadReturnSummary({ shop: shopper.proxy.shop, customerId: shopper.customerId!, returnId });
  const { t, locale } = shopper;
  const dates = dateFormats(locale, shopper.shopPage?.timeZone);
  const money = [
    ...(summary.refund ? [{ label: t("refund"), value: formatMoney(summary.refund, locale) }] : []),
    ...(summary.storeCredit ? [{ label: t("storeCredit"), value: formatMoney(summary.storeCredit, locale) }] : []),
  ];
  return renderPortalPage.status(chrome(shopper), {
    view: {
      heading: t("returnHeading", { name: summary.name ?? "" }).trim(),
      status: t(statusKey(summary.status)),
      submitted,
      items: summary.items.map((item) => `${item.title} × ${item.quantity}`),
      outcome: outcomeLabel(t, summary.outcome),
      money,
      label: summary.label ? { url: summary.label.url, tracking: summary.label.trackingNumber ? t("trackingNumber", { number: summary.label.trackingNumber }) : null } : null,
      timeline: summary.timeline.map((entry) => ({ iso: entry.at, at: dates.dateTime(new Date(entry.at)), text: entry.text })),
      ordersHref: shopper.proxy.href("returns"),
    },
  });
}
