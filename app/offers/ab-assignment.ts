import { createHash } from "node:crypto";
import { type OfferArm } from "./offer-schema";

/**
 * Deterministic A/B bucketing: a hash of (seed, offer, shopper) picks the arm, in proportion to the arms'
 * weights. No state is stored, yet the same shopper always lands in the same arm of the same offer.
 */

/** The arm a shopper sees, or null when the offer has no arms or all of them are paused (weight 0). */
export function assignArm(arms: readonly OfferArm[], offerId: string, shopperKey: string, seed = ""): OfferArm | null {
  const totalWeight = arms.reduce((sum, arm) => sum + arm.weight, 0);
  if (totalWeight === 0) return null;
  let bucket = bucketOf(`${seed}\u0000${offerId}\u0000${shopperKey}`, totalWeight);
  for (const arm of arms) {
    if (bucket < arm.weight) return arm;
    bucket -= arm.weight;
  }
  return null;
}

/** A uniform bucket in [0, size) from the first 64 bits of SHA-256; the modulo bias is below 2^-50. */
export function bucketOf(key: string, size: number): number {
  const hash = createHash("sha256").update(key).digest();
  return Number(hash.readBigUInt64BE(0) % BigInt(size));
}
