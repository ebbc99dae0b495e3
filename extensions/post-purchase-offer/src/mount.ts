import type { PostPurchaseClient } from "./client";
import type { RenderApi, StoredOffer } from "./contract";
import { translator } from "./messages";
import { renderTree, type RemoteTarget } from "./tree";
import { createUpsellPage } from "./upsell-page";
import { pageView } from "./view";

/**
 * Checkout::PostPurchase::Render: shows the offer ShouldRender stored, keeps the page in step with its
 * state and previews the real totals. Without a stored offer there is nothing to show: straight on.
 */
export async function mountUpsellPage(root: RemoteTarget & { mount(): Promise<void> }, api: RenderApi, client: PostPurchaseClient): Promise<void> {
  const stored = api.storage.initialData as Partial<StoredOffer> | null | undefined;
  if (!stored?.offer) return api.done();
  const { locale } = api.inputData;
  const t = translator(locale);
  const actions = { accept: () => void page.accept(), decline: () => void page.decline() };
  const page = createUpsellPage(api, client, stored.offer, (state) => renderTree(root, pageView(state, t, locale, actions)));
  renderTree(root, pageView(page.state, t, locale, actions));
  await root.mount();
  await page.preview();
}
