import type { GroupBy, PerformanceRow, TransitDistribution } from "./carrier-performance";
import type { DestinationRecommendation } from "./carrier-recommendation";

/** What the carriers page shows: performance grouped as asked, transit distributions, recommendations per destination. */
export interface CarrierAnalytics {
  /** ISO instant: parcels handed to a carrier since then are counted. */
  since: string;
  groupBy: GroupBy;
  parcels: number;
  rows: PerformanceRow[];
  distributions: TransitDistribution[];
  recommendations: DestinationRecommendation[];
}
