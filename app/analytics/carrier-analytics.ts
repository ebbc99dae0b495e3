import type { GroupBy, PerformanceRow, TransitDistribution } from "./carrier-performance";
import type { DestinationRecommendation } from "./carrier-recommendation";

/** What the carriers page shows: performance grouped as asked, transit distributions, recommendations per destination. */
export interface CarrierAnalytics {
  /** ISO instant: parcels handed to a carrier since then are counted. */
  since: string;
  groupBy: GroupBy;
  parcels: number;
  /** The shop's currency, which shipping charges are in (null until the shop's details are known). */
  currencyCode: string | null;
  rows: PerformanceRow[];
  distributions: TransitDistribution[];
  recommendations: DestinationRecommendation[];
}
