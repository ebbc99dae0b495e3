/**
 * The idempotency rule for post-purchase accepts, as pure state transitions the DB layer persists: an
 * accept is keyed by (shop, reference id, offer id); the first one signs a changeset, every replay gets
 * that same changeset back. Shopify applies a changeset (one `jti`) at most once, so a double click, a
 * retried request or a replayed accept can never charge the shopper twice. Only an offer that was shown
 * for the purchase can be accepted, so a tampered offer id signs nothing.
 */

export interface AcceptKey {
  shop: string;
  referenceId: string;
  offerId: string;
}

/** What the extension reported back from `applyChangeset`. */
export type ApplyStatus = "processed" | "partially_processed" | "unprocessed";

export interface AcceptRecord extends AcceptKey {
  jti: string;
  /** The signed changeset JWT, returned verbatim on replays. */
  changesetToken: string;
  signedAt: Date;
  applyStatus: ApplyStatus | null;
}

export interface AcceptLedger {
  /** Offers shown per purchase: key → offer ids. */
  readonly shown: Readonly<Record<string, readonly string[]>>;
  readonly accepts: Readonly<Record<string, AcceptRecord>>;
}

export type AcceptPlan =
  | { action: "sign" }
  | { action: "replay"; record: AcceptRecord }
  | { action: "reject"; reason: "offer_not_shown" };

export const EMPTY_LEDGER: AcceptLedger = { shown: {}, accepts: {} };

/** Records that an offer was shown for a purchase (showing it again changes nothing). */
export function recordShown(ledger: AcceptLedger, key: AcceptKey): AcceptLedger {
  const purchase = purchaseKey(key);
  const offers = ledger.shown[purchase] ?? [];
  if (offers.includes(key.offerId)) return ledger;
  return { ...ledger, shown: { ...ledger.shown, [purchase]: [...offers, key.offerId] } };
}

/** What an accept must do: sign a first changeset, replay the one already signed, or refuse an offer never shown. */
export function planAccept(ledger: AcceptLedger, key: AcceptKey): AcceptPlan {
  const existing = ledger.accepts[acceptKeyOf(key)];
  if (existing) return { action: "replay", record: existing };
  if (!(ledger.shown[purchaseKey(key)] ?? []).includes(key.offerId)) return { action: "reject", reason: "offer_not_shown" };
  return { action: "sign" };
}

/**
 * Stores a newly signed changeset. When a concurrent accept for the same key was stored first, that one
 * stays and is returned (`replayed: true`), and the newly signed token must be discarded unused.
 */
export function recordSigned(ledger: AcceptLedger, record: AcceptRecord): { ledger: AcceptLedger; record: AcceptRecord; replayed: boolean } {
  const key = acceptKeyOf(record);
  const existing = ledger.accepts[key];
  if (existing) return { ledger, record: existing, replayed: true };
  return { ledger: { ...ledger, accepts: { ...ledger.accepts, [key]: record } }, record, replayed: false };
}

/** Records what Shopify did with the changeset; only the outcome for the stored `jti` counts. */
export function recordApplyStatus(ledger: AcceptLedger, key: AcceptKey, jti: string, status: ApplyStatus): AcceptLedger {
  const accepted = acceptKeyOf(key);
  const existing = ledger.accepts[accepted];
  if (!existing || existing.jti !== jti || existing.applyStatus === "processed") return ledger;
  return { ...ledger, accepts: { ...ledger.accepts, [accepted]: { ...existing, applyStatus: status } } };
}

/** The composite key of an accept; the DB layer's unique constraint is on the same three columns. */
export function acceptKeyOf(key: AcceptKey): string {
  return JSON.stringify([key.shop, key.referenceId, key.offerId]);
}

function purchaseKey(key: Pick<AcceptKey, "shop" | "referenceId">): string {
  return JSON.stringify([key.shop, key.referenceId]);
}
