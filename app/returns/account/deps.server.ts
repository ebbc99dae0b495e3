import { offlineAdmin } from "~/shopify/offline-admin.server";
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
  // An extension can outlive the app's install: the backend then answers ShopNotInstalledError (offlineAdmin).
  const { backend } = portalDeps();
  return {
    backend,
    async exchangeOptions(shop, order, draft) {
      try {
        return await loadExchangeOptions(await offlineAdmin(shop), order, draft);
      } catch (error) {
        // Exchanges need live inventory; without it the other outcomes still work.
        logger.warn({ shop, error: (error as Error).message }, "exchange variants could not be loaded");
        return null;
      }
    },
  };
}
