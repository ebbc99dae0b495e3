export interface ParcelItem {
  lineItemId: string;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  quantity: number;
}

/** Fulfilled quantities with their line item's title; a line item we have not synced yet shows as its id. */
export function joinItems(
  fulfilled: ReadonlyArray<{ lineItemId: string; quantity: number }>,
  lineItems: ReadonlyArray<{ id: string; title: string; variantTitle: string | null; sku: string | null }>,
): ParcelItem[] {
  const byId = new Map(lineItems.map((item) => [item.id, item]));
  return fulfilled.map(({ lineItemId, quantity }) => {
    const item = byId.get(lineItemId);
    return { lineItemId, quantity, title: item?.title ?? lineItemId, variantTitle: item?.variantTitle ?? null, sku: item?.sku ?? null };
  });
}
