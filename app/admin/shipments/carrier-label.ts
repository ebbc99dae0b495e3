import { carrierDisplayName } from "~/tracking/carriers/carrier-registry";

/** A stored carrier as the merchant reads it ("ups" → "UPS"); an em dash when unknown. */
export function carrierLabel(carrier: string | null): string {
  return carrier ? carrierDisplayName(carrier) : "—";
}
