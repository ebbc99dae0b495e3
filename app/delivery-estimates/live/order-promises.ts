/** A stored promise as the surfaces read it (the DeliveryPromise row, explanation left as JSON text). */
export interface StoredPromise {
  orderId: string;
  shipmentId: string | null;
  stage: string;
  basisKey: string;
  promisedDate: string;
  earliestDate: string;
  madeAt: Date;
}

/** What a shopper is shown for a parcel (or an order not shipped yet): a date range ending on the promised date. */
export interface ShownPromise {
  earliestDate: string;
  promisedDate: string;
  stage: string;
  madeAt: Date;
}

/** An order's promises, read once and asked per parcel. */
export interface OrderPromises {
  /** The current promise for a parcel; the order's purchase promise for one with none of its own yet. */
  currentFor(shipmentId: string | null): ShownPromise | null;
  /** The first promise the shopper was given for a parcel: at purchase, or at hand-off when the order shipped at once. */
  firstFor(shipmentId: string): ShownPromise | null;
}

const byMadeAt = (a: StoredPromise, b: StoredPromise) => a.madeAt.getTime() - b.madeAt.getTime() || a.basisKey.localeCompare(b.basisKey);
const shown = (row: StoredPromise): ShownPromise => ({ earliestDate: row.earliestDate, promisedDate: row.promisedDate, stage: row.stage, madeAt: row.madeAt });

/** Groups an order's stored promises so every surface picks the same one. */
export function orderPromises(rows: readonly StoredPromise[]): OrderPromises {
  const sorted = [...rows].sort(byMadeAt);
  const purchase = sorted.find((row) => row.shipmentId === null) ?? null;
  const ofParcel = (shipmentId: string) => sorted.filter((row) => row.shipmentId === shipmentId);
  return {
    currentFor(shipmentId) {
      const own = shipmentId ? ofParcel(shipmentId) : [];
      const current = own.at(-1) ?? purchase;
      return current ? shown(current) : null;
    },
    firstFor(shipmentId) {
      const first = purchase ?? ofParcel(shipmentId)[0] ?? null;
      return first ? shown(first) : null;
    },
  };
}

/** Whether a parcel's current estimate now lands after the date the shopper was first promised. */
export function predictedLate(promises: OrderPromises, shipmentId: string): { promisedDate: string; expectedDate: string; since: Date } | null {
  const first = promises.firstFor(shipmentId);
  const current = promises.currentFor(shipmentId);
  if (!first || !current || current.promisedDate <= first.promisedDate) return null;
  return { promisedDate: first.promisedDate, expectedDate: current.promisedDate, since: current.madeAt };
}

/** A promised delivery range as every surface shows it: ISO calendar dates, earliest ≤ promised. */
export interface PromiseRange {
  earliestDate: string;
  promisedDate: string;
}

const JOURNEY_ENDED = new Set(["delivered", "returned_to_sender", "cancelled"]);

/**
 * The one rule every surface (tracking page, order-status block, emails) follows: a parcel on its way shows
 * its current promise, a parcel whose journey ended shows none, and an order with no parcel yet shows the
 * promise made at purchase.
 */
export function promiseToShow(promises: OrderPromises, parcel: { id: string; status: string } | null): PromiseRange | null {
  if (parcel && JOURNEY_ENDED.has(parcel.status)) return null;
  const current = promises.currentFor(parcel?.id ?? null);
  return current ? { earliestDate: current.earliestDate, promisedDate: current.promisedDate } : null;
}
