import { type OfferFormValues } from "./offer-form";
import { type Offer, type Surface } from "./offer-schema";
import { type OfferResults } from "./results";

/** What the admin offer pages render (built by admin.server.ts). */

export interface OfferListRow {
  id: string;
  name: string;
  status: Offer["status"];
  surfaces: Surface[];
  priority: number;
  discountLabel: string;
  experiment: boolean;
  results: OfferResults;
}

export interface OfferEditorData {
  isNew: boolean;
  form: OfferFormValues;
  results: OfferResults | null;
  /** A unit price for the live preview: the fixed variant's current price, or a sample. */
  previewPrice: string;
  currencyCode: string;
  productTitle: string | null;
  recentOrders: Array<{ id: string; name: string }>;
}

export interface SimulatedOffer {
  offerId: string;
  name: string;
  chosen: boolean;
  reasons: string[];
}

export interface Simulation {
  orderName: string;
  surface: Surface;
  chosen: { offerId: string; armId: string | null; variantId: string; price: string; discountedPrice: string; discountLabel: string | null } | null;
  offers: SimulatedOffer[];
}
