import type { ShipmentStatus } from "~/tracking/status";

// Shared by the loader's parser and the page's links, so this module stays free of zod (it is in the browser bundle).

/** The URL search parameters of the shipments list; everything the list shows is addressable by URL. */
export const LIST_PARAMS = {
  status: "status",
  carrier: "carrier",
  delayed: "delayed",
  attention: "attention",
  shippedFrom: "shipped_from",
  shippedTo: "shipped_to",
  search: "q",
  sort: "sort",
  after: "after",
  before: "before",
} as const;

export const LIST_SORTS = ["activity_desc", "activity_asc"] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** The filters, search and sort of the list as the page edits them (cursors are separate: any change resets them). */
export interface ShipmentListFilters {
  statuses: ShipmentStatus[];
  carrier: string | null;
  delayed: boolean;
  attention: boolean;
  /** Inclusive calendar days (YYYY-MM-DD) in the shop's time zone. */
  shippedFrom: string | null;
  shippedTo: string | null;
  search: string | null;
  sort: ListSort;
}

export const NO_FILTERS: ShipmentListFilters = {
  statuses: [],
  carrier: null,
  delayed: false,
  attention: false,
  shippedFrom: null,
  shippedTo: null,
  search: null,
  sort: "activity_desc",
};

/** The search string of a list URL for these filters and an optional page cursor; defaults are left out. */
export function listSearch(filters: ShipmentListFilters, page?: { after?: string | null; before?: string | null }): string {
  const params = new URLSearchParams();
  for (const status of filters.statuses) params.append(LIST_PARAMS.status, status);
  if (filters.carrier) params.set(LIST_PARAMS.carrier, filters.carrier);
  if (filters.delayed) params.set(LIST_PARAMS.delayed, "1");
  if (filters.attention) params.set(LIST_PARAMS.attention, "1");
  if (filters.shippedFrom) params.set(LIST_PARAMS.shippedFrom, filters.shippedFrom);
  if (filters.shippedTo) params.set(LIST_PARAMS.shippedTo, filters.shippedTo);
  if (filters.search) params.set(LIST_PARAMS.search, filters.search);
  if (filters.sort !== NO_FILTERS.sort) params.set(LIST_PARAMS.sort, filters.sort);
  if (page?.after) params.set(LIST_PARAMS.after, page.after);
  if (page?.before) params.set(LIST_PARAMS.before, page.before);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** Whether any filter or search narrows the list (the sort does not). */
export function isFiltered(filters: ShipmentListFilters): boolean {
  return listSearch({ ...filters, sort: NO_FILTERS.sort }) !== "";
}
