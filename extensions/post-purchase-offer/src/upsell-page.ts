import type { PostPurchaseClient } from "./client";
import type { MoneyView, OfferView, RenderApi } from "./contract";
import { addAmounts } from "./money";

/** What Shopify will charge if the shopper accepts, from calculateChangeset on the signed changeset. */
export interface Totals {
  subtotal: MoneyView;
  shipping: MoneyView | null;
  taxes: MoneyView;
  total: MoneyView;
}

export interface PageState {
  offer: OfferView;
  totals: Totals | null;
  phase: "ready" | "accepting" | "declining" | "finished";
  /** Locale key of the error the shopper should read; the offer can still be declined. */
  error: "errorSoldOut" | "errorPayment" | "errorGeneric" | null;
  /** Shopify refused the changeset while previewing it (e.g. sold out): only declining is left. */
  unavailable: boolean;
}

type ChangesetError = { code: string };
type CalculatedPurchase = NonNullable<Awaited<ReturnType<RenderApi["calculateChangeset"]>>["calculatedPurchase"]>;

const errorKey = (errors: ChangesetError[]): PageState["error"] =>
  errors.some((e) => e.code === "insufficient_inventory") ? "errorSoldOut" : errors.some((e) => e.code === "payment_required") ? "errorPayment" : "errorGeneric";

function totalsOf(purchase: CalculatedPurchase): Totals {
  const money = (bag: { presentmentMoney: MoneyView }) => bag.presentmentMoney;
  const currencyCode = money(purchase.totalOutstandingSet).currencyCode;
  const shipping = purchase.addedShippingLines.map((line) => money(line.priceSet).amount);
  return {
    subtotal: money(purchase.subtotalPriceSet),
    shipping: shipping.length ? { amount: addAmounts(shipping), currencyCode } : null,
    taxes: { amount: addAmounts(purchase.addedTaxLines.map((line) => money(line.priceSet).amount)), currencyCode },
    total: money(purchase.totalOutstandingSet),
  };
}

/**
 * The upsell page's behaviour, apart from how it looks: previews the real totals, and runs accept
 * (sign → applyChangeset → record → done) and decline (record → done). Decline always reaches done(),
 * whatever the app answers, so a shopper can never be stuck between payment and the thank-you page.
 */
export function createUpsellPage(api: RenderApi, client: PostPurchaseClient, offer: OfferView, onChange: (state: PageState) => void) {
  let state: PageState = { offer, totals: null, phase: "ready", error: null, unavailable: false };
  const set = (patch: Partial<PageState>) => {
    state = { ...state, ...patch };
    onChange(state);
  };
  const ids = { referenceId: api.inputData.initialPurchase.referenceId, offerId: offer.offerId, armId: offer.armId };
  const record = (decision: "accepted" | "declined") => client.decide({ ...ids, decision }).catch(() => undefined);

  return {
    get state() {
      return state;
    },

    /** Shows what Shopify would charge (taxes and shipping included) before the shopper decides. */
    async preview(): Promise<void> {
      try {
        const result = await api.calculateChangeset(await client.sign(ids));
        if (state.phase !== "ready") return;
        if (result.status === "processed" && result.calculatedPurchase) set({ totals: totalsOf(result.calculatedPurchase) });
        else if (result.errors.length) set({ error: errorKey(result.errors), unavailable: true });
      } catch {
        // Without a preview the offer's own prices still stand; accepting signs and applies afresh.
      }
    },

    async accept(): Promise<void> {
      if (state.phase !== "ready" || state.unavailable) return;
      set({ phase: "accepting", error: null });
      try {
        const result = await api.applyChangeset(await client.sign(ids));
        // "already applied": an earlier tap went through (the app and Shopify both dedupe on the changeset).
        const applied = result.status !== "unprocessed" || result.errors.some((e) => e.code === "changeset_already_applied");
        if (!applied) return set({ phase: "ready", error: errorKey(result.errors) });
      } catch {
        return set({ phase: "ready", error: "errorGeneric" });
      }
      await record("accepted");
      set({ phase: "finished" });
      await api.done();
    },

    async decline(): Promise<void> {
      if (state.phase !== "ready") return;
      set({ phase: "declining", error: null });
      await record("declined");
      set({ phase: "finished" });
      await api.done();
    },
  };
}

export type UpsellPage = ReturnType<typeof createUpsellPage>;
