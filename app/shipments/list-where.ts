import { overviewWindows } from "~/analytics/overview";
import { ATTENTION_SHIPMENT_STATUSES } from "~/analytics/shipment-status";
import type { Prisma } from "~/generated/sqlite/client";
import { TERMINAL_STATUSES } from "~/tracking/status";
import type { ShipmentListFilters } from "./list-params";
import { shipDateRange } from "./ship-date-range";

type Where = Prisma.ShipmentWhereInput;

const CLOSED = [...TERMINAL_STATUSES];
const FLAGGED = [...ATTENTION_SHIPMENT_STATUSES];

export interface FilterContext {
  now: Date;
  /** The shop's IANA zone: ship dates are the merchant's calendar days. */
  timeZone: string;
  /** Orders whose name matches the search (looked up first through the (shop, name) index). */
  searchOrderIds: readonly string[];
}

/** The conditions of the list's filters and search, without the shop (the caller adds it to every query). */
export function filterConditions(filters: ShipmentListFilters, context: FilterContext): Where[] {
  const conditions: Where[] = [];
  if (filters.statuses.length) conditions.push({ status: { in: filters.statuses } });
  if (filters.carrier) conditions.push({ carrier: filters.carrier });
  if (filters.delayed) conditions.push(delayed(context.now));
  if (filters.attention) conditions.push(needsAttention(context.now));
  if (filters.shippedFrom || filters.shippedTo) {
    conditions.push({ shippedAt: shipDateRange(filters.shippedFrom, filters.shippedTo, context.timeZone) });
  }
  if (filters.search) conditions.push(matchesSearch(filters.search, context.searchOrderIds));
  return conditions;
}

/** Reported delayed by the carrier, or still open after its estimated delivery. */
function delayed(now: Date): Where {
  return { OR: [{ status: "delayed" }, { status: { notIn: CLOSED }, estimatedDeliveryAt: { lt: now } }] };
}

/** The home page's "needs attention": open and flagged by status, or with no activity for days (stalled). */
function needsAttention(now: Date): Where {
  const { stalledBefore } = overviewWindows(now);
  return {
    status: { notIn: CLOSED },
    OR: [
      { status: { in: FLAGGED } },
      { statusAt: { lt: stalledBefore }, OR: [{ lastEventAt: null }, { lastEventAt: { lt: stalledBefore } }] },
    ],
  };
}

function matchesSearch(search: string, orderIds: readonly string[]): Where {
  return { OR: [{ orderId: { in: [...orderIds] } }, { trackingNumber: { in: trackingNumberCandidates(search) } }] };
}

/** Tracking numbers are matched exactly (indexed); pasted ones often carry spaces or lower case. */
export function trackingNumberCandidates(search: string): string[] {
  const compact = search.replace(/\s+/g, "");
  return [...new Set([search, compact, compact.toUpperCase()])];
}

/** Order names as Shopify shows them ("#1001"); merchants type them with or without the "#". */
export function orderNameCandidates(search: string): string[] {
  const bare = search.replace(/^#\s*/, "");
  return [...new Set([search, bare, `#${bare}`])];
}
