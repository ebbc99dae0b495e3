import { ShopNotInstalledError } from "~/errors";
import { logger } from "~/logger.server";
import type { ReturnOrder } from "../order-schema";
import type { PhotoStorage } from "../photo-store.server";
import type { ReturnsBackend } from "../portal/backend";
import type { Draft } from "../portal/draft";
import { loadExchangeOptions, type ExchangeOptions } from "../portal/exchange-variants.server";

/** What the customer-account return endpoints reach outside themselves; tests pass their own. */
export interface AccountDeps {
  backend: ReturnsBackend;
  photos?: PhotoStorage;
  now?: () => Date;
  /** The live variants the draft's lines can be exchanged for; null when they cannot be loaded. */
  exchangeOptions(shop: string, order: ReturnOrder, draft: Draft): Promise<ExchangeOptions | null>;
}

/** The real backend, with exchange variants from the shop's offline Admin API session. */
export async function accountDeps(): Promise<AccountDeps> {
  const { portalDeps } = await import("../portal/backend.server");
  const { unauthenticated } = await import("~/shopify.server");
  const { SessionNotFoundError } = await import("@shopify/shopify-app-remix/server");
  const backend = portalDeps().backend;
  // An extension can outlive the app's install; without an offline session there is nothing to answer with.
  const installed = async <T>(shop: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw error instanceof SessionNotFoundError ? new ShopNotInstalledError(shop) : error;
    }
  };
  return {
    backend: {
      loadReturnContext: (args) => installed(args.shop, () => backend.loadReturnContext(args)),
      submitReturnRequest: (input) => installed(input.shop, () => backend.submitReturnRequest(input)),
      loadReturnSummary: (args) => backend.loadReturnSummary(args),
    },
    async exchangeOptions(shop, order, draft) {
      try {
        return await loadExchangeOptions((await unauthenticated.admin(shop)).admin, order, draft);
      } catch (error) {
        // Exchanges need live inventory; without it the other outcomes still work.
        logger.warn({ shop, error: (error as Error).message }, "exchange variants could not be loaded");
        return null;
      }
    },
  };
}
