// Shared by the loader and the page's links, so this module stays free of zod and Buffer (it is in the browser bundle).

/** The returns page's URL parameters that select what it shows; the page cursors are separate. */
export const QUEUE_FILTER_PARAMS = ["status", "outcome", "reason", "from", "to", "period"] as const;

/**
 * The search string of a returns page URL keeping the current filters (and the numbers' period) and moving to
 * the page after or before a cursor; blank filters are left out. Changing a filter submits the form without a
 * cursor, so it starts again at the first page.
 */
export function queueSearch(filters: Readonly<Record<string, string | undefined>>, page?: { after?: string | null; before?: string | null }): string {
  const params = new URLSearchParams();
  for (const name of QUEUE_FILTER_PARAMS) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  if (page?.after) params.set("after", page.after);
  if (page?.before) params.set("before", page.before);
  const search = params.toString();
  return search ? `?${search}` : "";
}
