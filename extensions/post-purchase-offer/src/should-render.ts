import type { PostPurchaseClient } from "./client";
import type { ShouldRenderApi, StoredOffer } from "./contract";

/**
 * Checkout::PostPurchase::ShouldRender: asks the app for an offer for this purchase and keeps it for
 * Render. Any failure answers render=false: the shopper goes straight to the thank-you page rather than
 * waiting on an offer.
 */
export async function shouldRender(api: ShouldRenderApi, client: PostPurchaseClient): Promise<{ render: boolean }> {
  try {
    const answer = await client.offer({ referenceId: api.inputData.initialPurchase.referenceId });
    if (!answer.render || !answer.offer) return { render: false };
    const stored: StoredOffer = { offer: answer.offer };
    await api.storage.update(stored);
    return { render: true };
  } catch {
    return { render: false };
  }
}
