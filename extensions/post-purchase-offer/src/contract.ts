/**
 * The post-purchase endpoints' wire types (types only: the bundle carries no server code and the two sides
 * cannot drift) and the parts of Shopify's post-purchase API this extension uses, so tests can fake them.
 */
import type { PostPurchaseRenderApi, PostPurchaseShouldRenderApi } from "@shopify/post-purchase-ui-extensions";
import type { OfferView } from "../../../app/offers/surface-contract";

export type {
  MoneyView,
  OfferView,
  PostPurchaseDecisionRequest,
  PostPurchaseOfferRequest,
  PostPurchaseOfferResponse,
  PostPurchaseSignRequest,
  PostPurchaseSignResponse,
} from "../../../app/offers/surface-contract";

type InputData = { token: string; locale: string; initialPurchase: { referenceId: string } };

export type ShouldRenderApi = { inputData: InputData; storage: Pick<PostPurchaseShouldRenderApi["storage"], "update"> };

export type RenderApi = { inputData: InputData; storage: { initialData: unknown } } & Pick<PostPurchaseRenderApi, "calculateChangeset" | "applyChangeset" | "done">;

/** What ShouldRender leaves in storage for Render. */
export interface StoredOffer {
  offer: OfferView;
}
