/** No carrier issues longer numbers (USPS IMpb with routing is 34); anything longer is not a tracking number. */
export const MAX_COMPACT_TRACKING_NUMBER_LENGTH = 40;

/**
 * A tracking number compacted the way carriers compare them: Unicode-folded (full-width digits), upper case,
 * without spaces, dashes, dots or slashes. Null when anything else is left (HTML, emoji) or it is too long to
 * be one: such a number is shown as given but never detected or matched.
 */
export function compactTrackingNumber(raw: string): string | null {
  const compact = raw.normalize("NFKC").replace(/[\s\-./_]/g, "").toUpperCase();
  return /^[A-Z0-9]+$/.test(compact) && compact.length <= MAX_COMPACT_TRACKING_NUMBER_LENGTH ? compact : null;
}
