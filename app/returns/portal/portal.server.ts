import { NotFoundError, PayloadTooLargeError } from "~/errors";
import { dateFormats } from "~/tracking-page/render/dates";
import { readBodyWithinLimit } from "~/webhooks/body-limit";
import type { PortalReturnContext } from "./backend";
import { decodeDraft, type Draft } from "./draft";
import { chrome, html, itemsPage, loginPage, refusal, statusPage, type PortalDeps } from "./portal-pages.server";
import { renderPortalPage } from "./render/render-portal";
import { authenticateShopper, type Shopper } from "./shopper.server";
import { afterItems, StepFlow } from "./step-flow.server";
import type { FormText } from "./step-forms";

/**
 * The shopper's return portal, served through the app proxy as plain HTML forms: choose an order → items and
 * quantities → reasons (notes, photos) → outcome (exchange variant) → method → review → submit → status.
 * Every step posts the choices so far and is checked again against the order and the policy.
 */

export type { PortalDeps } from "./portal-pages.server";

/** The most a step's form may weigh: 4 photos of 10 MB per item is plenty for a handful of items. */
const MAX_FORM_BYTES = 60 * 1024 * 1024;

const legacyIdOf = (gid: string) => gid.split("/").at(-1) ?? "";
const orderGid = (legacyId: string) => (/^[1-9]\d{0,19}$/.test(legacyId) ? `gid://shopify/Order/${legacyId}` : null);

/** GET /apps/track/returns: the logged-in customer's orders, or a link to log in. */
export async function showReturnPortal(request: Request, deps: PortalDeps): Promise<Response> {
  const shopper = await authenticateShopper(request);
  if (!shopper.customerId) return loginPage(shopper);
  const orders = await deps.db.order.findMany({
    where: { shop: shopper.proxy.shop, customerId: shopper.customerId, cancelledAt: null, redactedAt: null },
    orderBy: { processedAt: "desc" },
    take: 20,
    select: { id: true, name: true, processedAt: true },
  });
  const dates = dateFormats(shopper.locale, shopper.shopPage?.timeZone);
  return html(
    renderPortalPage.orders(chrome(shopper), {
      orders: orders.map((order) => ({ href: shopper.proxy.href(`returns/${legacyIdOf(order.id)}`), name: order.name, placed: shopper.t("placedOn", { date: dates.dateTime(order.processedAt) }) })),
    }),
  );
}

/** GET /apps/track/returns/<order>: the first step, the order's items with what can be returned. */
export async function showReturnItems(request: Request, orderLegacyId: string, deps: PortalDeps): Promise<Response> {
  const shopper = await authenticateShopper(request);
  return withOrder(shopper, orderLegacyId, deps, async (context) => itemsPage(shopper, orderLegacyId, context, deps, [], null));
}

/** POST /apps/track/returns/<order>: one step's answer; shows the next step, or the same one with what to fix (422). */
export async function handleReturnStep(request: Request, orderLegacyId: string, deps: PortalDeps): Promise<Response> {
  const form = await readFormWithinLimit(request);
  if (!form) return new Response("The form is too large", { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const field: FormText = (name) => {
    const value = form.get(name);
    return typeof value === "string" ? value : null;
  };
  const shopper = await authenticateShopper(request, field("locale")?.slice(0, 20) ?? null);
  return withOrder(shopper, orderLegacyId, deps, async (context) => {
    const step = field("step");
    if (step === "items") return afterItems(shopper, orderLegacyId, context, deps, field);
    const draft = decodeDraft(field("draft"));
    if (!draft || !draftFitsOrder(draft, context)) {
      return itemsPage(shopper, orderLegacyId, context, deps, [{ key: "draftInvalid" }], null, 422);
    }
    const flow = new StepFlow(shopper, orderLegacyId, context, deps);
    switch (step) {
      case "reasons":
        return flow.afterReasons(draft, field, form);
      case "outcome":
        return flow.afterOutcome(draft, field);
      case "method":
        return flow.afterMethod(draft, field);
      case "submit":
        return flow.submit(draft, field);
      default:
        return itemsPage(shopper, orderLegacyId, context, deps, [{ key: "draftInvalid" }], null, 422);
    }
  });
}

/** GET /apps/track/returns/status/<return>: where a return stands, with every step after the request. */
export async function showReturnStatus(request: Request, returnId: string, deps: PortalDeps): Promise<Response> {
  const shopper = await authenticateShopper(request);
  if (!shopper.customerId) return loginPage(shopper);
  try {
    return html(await statusPage(shopper, returnId, deps, false));
  } catch (error) {
    return refusal(shopper, error);
  }
}

async function withOrder(shopper: Shopper, orderLegacyId: string, deps: PortalDeps, run: (context: PortalReturnContext) => Promise<Response>): Promise<Response> {
  if (!shopper.customerId) return loginPage(shopper);
  const orderId = orderGid(orderLegacyId);
  if (!orderId) return refusal(shopper, new NotFoundError("Order", orderLegacyId.slice(0, 40)));
  let context: PortalReturnContext;
  try {
    context = await deps.backend.loadReturnContext({ shop: shopper.proxy.shop, customerId: shopper.customerId, orderId });
  } catch (error) {
    return refusal(shopper, error);
  }
  return run(context);
}

/**
 * The step's form, or null when it is larger than the portal accepts. The bytes are counted as they arrive: a
 * chunked body has no Content-Length to check, and formData() alone would buffer any size.
 */
async function readFormWithinLimit(request: Request): Promise<FormData | null> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await readBodyWithinLimit(request, MAX_FORM_BYTES);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return null;
    throw error;
  }
  const contentType = request.headers.get("content-type") ?? "";
  return new Response(bytes, { headers: { "Content-Type": contentType } }).formData().catch(() => new FormData());
}

/** A draft names only lines of this order, at most once each (the engine checks quantities again). */
function draftFitsOrder(draft: Draft, context: PortalReturnContext): boolean {
  const lines = new Set(context.order.lines.map((line) => line.lineItemId));
  return draft.items.every((item) => lines.has(item.lineItemId));
}
