import type { DbClient } from "~/db.server";
import { httpStatusOf } from "~/errors";
import { logger } from "~/logger.server";
import { html } from "~/tracking-page/tracking-page.server";
import { dateFormats } from "~/tracking-page/render/dates";
import { CurrencyMismatchError } from "../money";
import { type PhotoStorage } from "../photo-store.server";
import { returnableLines, type ReturnableLine } from "../returnable-lines";
import type { PortalReturnContext, ReturnsBackend } from "./backend";
import { summaryTexts } from "./choices";
import { encodeDraft, type Draft } from "./draft";
import { type ExchangeOptions } from "./exchange-variants.server";
import { statusKey } from "./messages";
import { renderPortalPage } from "./render/render-portal";
import type { StepPage } from "./render/steps";
import type { Shopper } from "./shopper.server";
import { quantityField, type FormText, type PortalProblem } from "./step-forms";
import { shopperText, type ViewContext } from "./views";

/** The portal's pages and their shared pieces: headers, frame, refusals, the items step and the status page. */

export interface PortalDeps {
  db: DbClient;
  backend: ReturnsBackend;
  photos?: PhotoStorage;
  now?: () => Date;
  /** Replaces the Admin API look-up of exchange variants (tests); null when exchanges can't be offered. */
  exchangeOptions?: (order: PortalReturnContext["order"], draft: Draft) => Promise<ExchangeOptions | null>;
}

export { html };

export function chrome(shopper: Shopper) {
  return { frame: shopper.frame, t: shopper.t };
}

export function loginPage(shopper: Shopper): Response {
  return html(renderPortalPage.login(chrome(shopper), { loginUrl: shopper.loginUrl }), 401);
}

/**
 * Refusals the backend raises: another customer's order (403), an unknown one (404), an order the store must
 * handle itself (an order paid in a currency other than the shop's), and Shopify failing or refusing (502: the
 * shopper can only try again later); anything else is a bug.
 */
export function refusal(shopper: Shopper, error: unknown): Response {
  const status = httpStatusOf(error);
  const storeMustHandle = error instanceof CurrencyMismatchError;
  if (status !== 403 && status !== 404 && status !== 502 && !storeMustHandle) throw error;
  if (status === 502) logger.error({ shop: shopper.proxy.shop, error: (error as Error).message }, "return portal could not reach Shopify");
  if (storeMustHandle) logger.warn({ shop: shopper.proxy.shop, error: error.message }, "return portal refused an order the store must handle");
  const message = shopper.t(storeMustHandle ? "contactStore" : status === 403 ? "forbidden" : status === 404 ? "notFound" : "unavailable");
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
  const dates = dateFormats(shopper.locale, shopper.shopPage?.timeZone);
  return renderPortalPage.status(chrome(shopper), {
    view: {
      ...summaryTexts(summary, shopper),
      submitted,
      timeline: summary.timeline.map((entry) => ({ iso: entry.at, at: dates.dateTime(new Date(entry.at)), text: entry.text })),
      ordersHref: shopper.proxy.href("returns"),
    },
  });
}
