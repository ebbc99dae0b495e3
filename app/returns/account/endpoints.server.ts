import { randomUUID } from "node:crypto";
import { z } from "zod";
import { InvalidInputError } from "~/errors";
import { gid } from "~/orders/payload-fields";
import { readBodyWithinLimit } from "~/webhooks/body-limit";
import { savePhoto } from "../photo-store.server";
import { MAX_PHOTO_BYTES } from "../photo-type";
import { draftReview, exchangePickers, keepsEverything, methodChoices, outcomeChoices } from "../portal/choices";
import { draftSchema, requestOf } from "../portal/draft";
import { exchangeItemsOf } from "../portal/exchange-variants.server";
import { portalTranslator } from "../portal/messages";
import { idempotencyKeySchema } from "../portal/step-forms";
import type { ViewContext } from "../portal/views";
import type { ReturnPreviewResponse, ReturnProblemResponse } from "./contract";
import type { AccountDeps } from "./deps.server";
import { asReturnsCustomer, localeSchema, privateJson, readJson, readQuery, type ReturnsCustomer } from "./customer-request.server";
import { checkDraft, evaluateDraft } from "./draft-check";
import { orderView, statusView } from "./views";

export { accountDeps, type AccountDeps } from "./deps.server";

/**
 * The customer-account extension's return endpoints (contract.ts): the same backend and step rules as the
 * return portal, answered as JSON for the customer of a verified session token.
 */

const orderIdSchema = gid("Order");
const completeDraftSchema = draftSchema.superRefine((draft, context) => {
  draft.items.forEach((item, index) => {
    if (!item.reason) context.addIssue({ code: "custom", path: ["items", index, "reason"], message: "is required" });
  });
  if (!draft.outcome) context.addIssue({ code: "custom", path: ["outcome"], message: "is required" });
});
const orderQuery = z.object({ orderId: orderIdSchema, locale: localeSchema });
const statusQuery = z.object({ returnId: z.string("is required").trim().min(1).max(100), locale: localeSchema });
const previewBody = z.object({ orderId: orderIdSchema, locale: localeSchema, step: z.enum(["items", "reasons", "outcome", "method"]), draft: draftSchema });
const submitBody = z.object({ orderId: orderIdSchema, locale: localeSchema, idempotencyKey: idempotencyKeySchema, draft: completeDraftSchema });

function viewFor(locale: z.output<typeof localeSchema>, timeZone: string, deps: AccountDeps): ViewContext {
  return { t: portalTranslator(locale), locale, timeZone, now: (deps.now ?? (() => new Date()))() };
}

async function contextOf(customer: ReturnsCustomer, orderId: string, deps: AccountDeps) {
  return deps.backend.loadReturnContext({ ...customer, orderId });
}

/** GET /api/returns/order: the items step and what the order-action menu item shows. */
export function handleReturnOrder(request: Request, deps: AccountDeps): Promise<Response> {
  return asReturnsCustomer(request, async (customer) => {
    const query = readQuery(request, orderQuery);
    const context = await contextOf(customer, query.orderId, deps);
    return privateJson(orderView(context, viewFor(query.locale, context.timeZone, deps)));
  });
}

/** POST /api/returns/preview: checks the draft through the step just answered and answers the next step. */
export function handleReturnPreview(request: Request, deps: AccountDeps): Promise<Response> {
  return asReturnsCustomer(request, async (customer) => {
    const body = await readJson(request, previewBody);
    const context = await contextOf(customer, body.orderId, deps);
    const view = viewFor(body.locale, context.timeZone, deps);
    const loadOptions = () => deps.exchangeOptions(customer.shop, context.order, body.draft);
    // A chosen exchange is checked against live stock; the reasons step offers one only if the engine allows it.
    const chosenExchange = body.step !== "items" && body.step !== "reasons" && body.draft.outcome === "exchange";
    const options = chosenExchange ? await loadOptions() : null;
    const checked = checkDraft(context, body.draft, body.step, options, view);
    if (!checked.ok) return privateJson({ error: "invalid_input", fieldErrors: checked.fieldErrors } satisfies ReturnProblemResponse, 422);
    const { draft, decision } = checked;
    const currency = context.order.currency;
    const titleOf = (lineItemId: string) => context.order.lines.find((line) => line.lineItemId === lineItemId)?.title ?? lineItemId;
    let answer: ReturnPreviewResponse;
    if (body.step === "items") {
      answer = { next: "reasons" };
    } else if (body.step === "reasons") {
      const exchangeAllowed = decision.allowedOutcomes.some((offer) => offer.outcome === "exchange");
      const offered = exchangeAllowed ? await loadOptions() : null;
      answer = {
        next: "outcome",
        outcomes: outcomeChoices(decision, offered !== null, view),
        exchange: offered ? exchangePickers(draft, offered, { currency, titleOf }, view) : [],
        exchangeUnavailable: exchangeAllowed && offered === null,
      };
    } else if (body.step === "outcome" && !keepsEverything(decision)) {
      answer = { next: "method", methods: methodChoices(context.policy, currency, view) };
    } else {
      const exchange = options ?? new Map();
      answer = { next: "review", review: draftReview(evaluateDraft(context, draft, exchange, view.now), draft, exchangeItemsOf(draft, exchange), randomUUID(), view) };
    }
    return privateJson(answer);
  });
}

/** The multipart form of one photo: the file itself plus a little for the other fields. */
const MAX_PHOTO_FORM_BYTES = MAX_PHOTO_BYTES + 64 * 1024;

/** POST /api/returns/photos: stores one photo for a return of this customer's order (checked by its bytes). */
export function handleReturnPhoto(request: Request, deps: AccountDeps): Promise<Response> {
  return asReturnsCustomer(request, async (customer) => {
    const bytes = await readBodyWithinLimit(request, MAX_PHOTO_FORM_BYTES);
    const form = await new Response(bytes, { headers: { "Content-Type": request.headers.get("Content-Type") ?? "" } }).formData().catch(() => null);
    if (!form) throw new InvalidInputError({ photo: ["must be sent as multipart/form-data"] }, "The photo was not accepted");
    const orderId = orderIdSchema.safeParse(form.get("orderId"));
    if (!orderId.success) throw new InvalidInputError({ orderId: ["must be an order gid"] });
    await contextOf(customer, orderId.data, deps);
    const file = form.get("photo");
    if (!(file instanceof File)) throw new InvalidInputError({ photo: ["is required"] }, "The photo was not accepted");
    return privateJson(await savePhoto(customer.shop, file, deps.photos));
  });
}

/**
 * POST /api/returns/submit: submits through the returns backend, which decides the request again against the
 * order as Shopify has it now. The same idempotency key answers the first result and creates nothing new.
 */
export function handleReturnSubmit(request: Request, deps: AccountDeps): Promise<Response> {
  return asReturnsCustomer(request, async (customer) => {
    const body = await readJson(request, submitBody);
    const context = await contextOf(customer, body.orderId, deps);
    const view = viewFor(body.locale, context.timeZone, deps);
    const { draft } = body;
    const options = draft.outcome === "exchange" ? ((await deps.exchangeOptions(customer.shop, context.order, draft)) ?? new Map()) : new Map();
    const exchangeItems = exchangeItemsOf(draft, options);
    const result = await deps.backend.submitReturnRequest({
      ...customer,
      orderId: body.orderId,
      idempotencyKey: body.idempotencyKey,
      request: requestOf(draft, exchangeItems),
      photos: draft.items.flatMap((item) => item.photos.map((key) => ({ lineItemId: item.lineItemId, key }))),
    });
    if (!result.ok) {
      const review = draftReview(result.decision, draft, exchangeItems, body.idempotencyKey, view);
      return privateJson({ error: "not_submittable", review } satisfies ReturnProblemResponse, 422);
    }
    const summary = await deps.backend.loadReturnSummary({ ...customer, returnId: result.returnId });
    return privateJson(statusView(summary, true, view));
  });
}

/** GET /api/returns/status: where one of the customer's returns stands. */
export function handleReturnStatus(request: Request, deps: AccountDeps): Promise<Response> {
  return asReturnsCustomer(request, async (customer) => {
    const query = readQuery(request, statusQuery);
    const summary = await deps.backend.loadReturnSummary({ ...customer, returnId: query.returnId });
    return privateJson(statusView(summary, false, { t: portalTranslator(query.locale), locale: query.locale }));
  });
}
