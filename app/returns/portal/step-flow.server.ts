import { randomUUID } from "node:crypto";
import { ConflictError, InvalidInputError, ShopifyUserErrorsError } from "~/errors";
import { logger } from "~/logger.server";
import { evaluateReturnRequest, type ReturnDecision } from "../evaluate";
import { CurrencyMismatchError } from "../money";
import { savePhoto } from "../photo-store.server";
import type { ReturnPolicy } from "../policy-schema";
import type { SubmitReturnResult } from "../submit.server";
import type { PortalReturnContext } from "./backend";
import { MAX_PHOTOS_PER_ITEM, requestOf, type Draft } from "./draft";
import { exchangeItemsOf, loadExchangeOptions, type ExchangeOptions } from "./exchange-variants.server";
import { draftReview, exchangePickers, keepsEverything, methodChoices, outcomeChoices, reasonChoices, reasonHints } from "./choices";
import { html, itemsPage, linesOf, refusal, stepPage, statusPage, viewContext, type PortalDeps } from "./portal-pages.server";
import { renderPortalPage } from "./render/render-portal";
import type { StepPage } from "./render/steps";
import type { Shopper } from "./shopper.server";
import { idempotencyKeySchema, noteField, parseExchangeStep, parseItemsStep, parseMethodStep, parseOutcomeStep, parseReasonsStep, photoField, reasonField, variantField, type FormText, type PortalProblem } from "./step-forms";
import { shopperText, type ViewContext } from "./views";

/** The portal's steps after choosing items: reasons and photos, outcome and exchange, method, review, submit. */

export async function afterItems(shopper: Shopper, orderLegacyId: string, context: PortalReturnContext, deps: PortalDeps, field: FormText): Promise<Response> {
  const parsed = parseItemsStep(field, linesOf(context, deps));
  if (!parsed.ok) return itemsPage(shopper, orderLegacyId, context, deps, parsed.problems, field, 422);
  return new StepFlow(shopper, orderLegacyId, context, deps).reasonsPage({ items: parsed.value }, [], 200);
}

/** The steps after the items, for one shopper and order. */
export class StepFlow {
  private readonly view: ViewContext;
  private readonly titles: Map<string, string>;

  constructor(
    private readonly shopper: Shopper,
    private readonly orderLegacyId: string,
    private readonly context: PortalReturnContext,
    private readonly deps: PortalDeps,
  ) {
    this.view = viewContext(shopper, context, deps);
    this.titles = new Map(context.order.lines.map((line) => [line.lineItemId, line.title]));
  }

  private get policy(): ReturnPolicy {
    return this.context.policy;
  }

  private titleOf = (lineItemId: string) => this.titles.get(lineItemId) ?? lineItemId;

  private page(draft: Draft | null, problems: PortalProblem[]): StepPage {
    return stepPage(this.shopper, this.orderLegacyId, draft, problems);
  }

  private evaluate(draft: Draft, exchange: ExchangeOptions = new Map()): ReturnDecision {
    return evaluateReturnRequest({
      policy: this.policy,
      order: this.context.order,
      request: requestOf(draft, exchangeItemsOf(draft, exchange)),
      now: this.view.now,
      timeZone: this.context.timeZone,
    });
  }

  /** The engine's decision on the items and reasons alone (before an outcome is chosen). */
  private evaluateItems(draft: Draft): ReturnDecision {
    return this.evaluate({ ...draft, outcome: undefined, exchange: undefined });
  }

  reasonsPage(draft: Draft, problems: PortalProblem[], status: number, decision: ReturnDecision | null = null): Response {
    const reasons = reasonChoices(this.policy, this.shopper);
    const items = draft.items.map((item) => {
      const engineProblem = decision?.items.find((decided) => decided.lineItemId === item.lineItemId && decided.status !== "eligible");
      const hints = [
        ...reasonHints(this.policy, item.reason, this.shopper),
        ...(engineProblem ? engineProblem.explanations.slice(0, 1).map((text) => shopperText(text, this.view)) : []),
      ];
      return {
        lineItemId: item.lineItemId,
        title: this.titleOf(item.lineItemId),
        quantity: item.quantity,
        reasonField: reasonField(item.lineItemId),
        noteField: noteField(item.lineItemId),
        photoField: photoField(item.lineItemId),
        reason: item.reason ?? null,
        note: item.note,
        photoCount: item.photos.length,
        hints,
      };
    });
    return html(renderPortalPage.reasons(this.page(draft, problems), { items, reasons }), status);
  }

  async afterReasons(draft: Draft, field: FormText, form: FormData): Promise<Response> {
    const problems: PortalProblem[] = [];
    // Photos are kept even when another field needs fixing, so the shopper does not upload them again.
    const items: Draft["items"] = [];
    for (const item of draft.items) {
      const files = form.getAll(photoField(item.lineItemId)).filter((value): value is File => value instanceof File && value.size > 0);
      const photos = [...item.photos];
      for (const file of files) {
        if (photos.length >= MAX_PHOTOS_PER_ITEM) {
          problems.push({ key: "tooManyPhotos", values: { title: this.titleOf(item.lineItemId), count: MAX_PHOTOS_PER_ITEM } });
          break;
        }
        try {
          photos.push((await savePhoto(this.shopper.proxy.shop, file, this.deps.photos)).key);
        } catch (error) {
          if (!(error instanceof InvalidInputError)) throw error;
          problems.push({ key: "photoRejected", values: { title: this.titleOf(item.lineItemId) } });
        }
      }
      items.push({ ...item, photos });
    }
    const parsed = parseReasonsStep(field, { ...draft, items }, this.policy, this.titleOf);
    const next: Draft = { ...draft, items: parsed.items };
    if (parsed.problems.length > 0 || problems.length > 0) return this.reasonsPage(next, [...problems, ...parsed.problems], 422);
    const decision = this.evaluateItems(next);
    if (decision.items.some((item) => item.status !== "eligible")) return this.reasonsPage(next, [], 422, decision);
    return this.outcomePage(next, decision, [], 200);
  }

  private async exchangeOptions(draft: Draft): Promise<ExchangeOptions | null> {
    if (this.deps.exchangeOptions) return this.deps.exchangeOptions(this.context.order, draft);
    const admin = this.shopper.proxy.admin;
    if (!admin) return null;
    try {
      return await loadExchangeOptions(admin, this.context.order, draft);
    } catch (error) {
      // Exchanges need live inventory; without it the other outcomes still work.
      logger.warn({ shop: this.shopper.proxy.shop, error: (error as Error).message }, "exchange variants could not be loaded");
      return null;
    }
  }

  private async outcomePage(draft: Draft, decision: ReturnDecision, problems: PortalProblem[], status: number, options?: ExchangeOptions | null): Promise<Response> {
    const exchangeAllowed = decision.allowedOutcomes.some((offer) => offer.outcome === "exchange");
    const loaded = exchangeAllowed ? (options === undefined ? await this.exchangeOptions(draft) : options) : null;
    const offers = outcomeChoices(decision, loaded !== null, this.shopper);
    const pickers = loaded
      ? exchangePickers(draft, loaded, { currency: this.context.order.currency, titleOf: this.titleOf }, this.shopper).map((picker) => ({ ...picker, field: variantField(picker.lineItemId) }))
      : [];
    return html(
      renderPortalPage.outcome(this.page(draft, problems), { offers, selected: draft.outcome ?? null, pickers, exchangeUnavailable: exchangeAllowed && loaded === null }),
      status,
    );
  }

  async afterOutcome(draft: Draft, field: FormText): Promise<Response> {
    const decision = this.evaluateItems(draft);
    if (decision.items.some((item) => item.status !== "eligible")) return this.reasonsPage(draft, [], 422, decision);
    const allowed = decision.allowedOutcomes.map((offer) => offer.outcome);
    const outcome = parseOutcomeStep(field, allowed);
    if (!outcome.ok) return this.outcomePage(draft, decision, outcome.problems, 422);
    let next: Draft = { ...draft, outcome: outcome.value, exchange: undefined };
    if (outcome.value === "exchange") {
      const options = await this.exchangeOptions(draft);
      if (!options) return this.outcomePage(draft, decision, [{ key: "chooseOutcome" }], 422, null);
      const exchange = parseExchangeStep(field, draft, (lineItemId) => options.get(lineItemId) ?? [], this.titleOf);
      if (!exchange.ok) return this.outcomePage({ ...next }, decision, exchange.problems, 422, options);
      next = { ...next, exchange: exchange.value };
    }
    return this.methodOrReview(next);
  }

  private async methodOrReview(draft: Draft): Promise<Response> {
    if (keepsEverything(this.evaluateItems(draft))) return this.reviewPage({ ...draft, method: undefined }, [], 200);
    return this.methodPage(draft, [], 200);
  }

  private methodPage(draft: Draft, problems: PortalProblem[], status: number): Response {
    const methods = methodChoices(this.policy, this.context.order.currency, this.shopper);
    return html(renderPortalPage.method(this.page(draft, problems), { methods, selected: draft.method ?? null }), status);
  }

  async afterMethod(draft: Draft, field: FormText): Promise<Response> {
    const method = parseMethodStep(field, this.policy);
    if (!method.ok) return this.methodPage(draft, method.problems, 422);
    return this.reviewPage({ ...draft, method: method.value }, [], 200);
  }

  private async reviewPage(draft: Draft, problems: PortalProblem[], status: number, decided?: ReturnDecision): Promise<Response> {
    const options = draft.outcome === "exchange" ? await this.exchangeOptions(draft) : new Map();
    if (draft.outcome === "exchange" && (!options || exchangeItemsOf(draft, options).length !== draft.items.length)) {
      const decision = this.evaluateItems(draft);
      return this.outcomePage(draft, decision, [{ key: "chooseOutcome" }], 422, options);
    }
    const decision = decided ?? this.evaluate(draft, options ?? new Map());
    const view = draftReview(decision, draft, exchangeItemsOf(draft, options ?? new Map()), randomUUID(), this.view);
    return html(renderPortalPage.review(this.page(draft, problems), { review: view }), status);
  }

  async submit(draft: Draft, field: FormText): Promise<Response> {
    const key = idempotencyKeySchema.safeParse(field("idempotencyKey"));
    if (!key.success || !draft.outcome) return this.reviewPage(draft, [{ key: "draftInvalid" }], 422);
    const options = draft.outcome === "exchange" ? await this.exchangeOptions(draft) : new Map();
    let result: SubmitReturnResult;
    try {
      result = await this.deps.backend.submitReturnRequest({
        shop: this.shopper.proxy.shop,
        customerId: this.shopper.customerId!,
        orderId: this.context.order.id,
        idempotencyKey: key.data,
        request: requestOf(draft, exchangeItemsOf(draft, options ?? new Map())),
        photos: draft.items.flatMap((item) => item.photos.map((photo) => ({ lineItemId: item.lineItemId, key: photo }))),
      });
    } catch (error) {
      const problem = submitProblem(error);
      if (!problem) return refusal(this.shopper, error);
      return this.reviewPage(draft, [{ key: problem.key }], problem.status);
    }
    if (!result.ok) return this.reviewPage(draft, [], 422, result.decision);
    return html(await statusPage(this.shopper, result.returnId, this.deps, true));
  }
}

/**
 * What the review page tells the shopper when submitting failed in a way they can act on: a double click
 * while the first submit runs (409), something that changed since the review (a variant sold out, a photo
 * gone: 422), or Shopify refusing the request. Anything else is a refusal page (or a bug).
 */
function submitProblem(error: unknown): { key: "submitInProgress" | "requestChanged" | "requestRefused"; status: number } | null {
  if (error instanceof CurrencyMismatchError) return null;
  if (error instanceof ConflictError) return { key: "submitInProgress", status: 409 };
  if (error instanceof InvalidInputError) return { key: "requestChanged", status: 422 };
  if (error instanceof ShopifyUserErrorsError) return { key: "requestRefused", status: 422 };
  return null;
}
