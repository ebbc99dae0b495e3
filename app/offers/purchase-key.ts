/**
 * A purchase's fingerprint: its variants and quantities, sorted. The post-purchase page knows the purchase by
 * a reference id and the thank-you page knows the order by its id; the lines are what both see, so this key
 * tells the thank-you page whether the shopper already decided on a post-purchase offer (wallet checkouts skip
 * that page, and then the offer falls back to the thank-you page).
 */
export function purchaseKeyOf(lines: ReadonlyArray<{ variantId: string | null; quantity: number }>): string {
  const totals = new Map<string, number>();
  for (const line of lines) {
    if (!line.variantId) continue;
    const digits = line.variantId.slice(line.variantId.lastIndexOf("/") + 1);
    totals.set(digits, (totals.get(digits) ?? 0) + line.quantity);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => (a.length - b.length) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([variant, quantity]) => `${variant}x${quantity}`)
    .join(",");
}
