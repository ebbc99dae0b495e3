import { Temporal } from "temporal-polyfill";
import type { ReturnWindowPolicy, WindowBasis } from "./policy-schema";

/** The dates a window can be counted from; unknown ones are null. */
export interface WindowDates {
  processedAt: Date;
  fulfilledAt: Date | null;
  deliveredAt: Date | null;
}

/** Where a line's return window stands at a moment. */
export type ReturnWindow =
  | { state: "awaiting_basis_date"; basis: WindowBasis }
  | {
      state: "open" | "closed";
      /** The date the window is counted from, which may be earlier than the policy's basis. */
      basis: WindowBasis;
      fellBackFrom: WindowBasis | null;
      /** Calendar days in the shop's time zone (YYYY-MM-DD); `lastDay` is inclusive. */
      basisDate: string;
      lastDay: string;
      /** The first instant returns are closed: midnight after `lastDay`, local time. */
      closesAt: Date;
      days: number;
    };

const BASES_FROM: Record<WindowBasis, readonly WindowBasis[]> = {
  delivered: ["delivered", "fulfilled", "ordered"],
  fulfilled: ["fulfilled", "ordered"],
  ordered: ["ordered"],
};

function dateOf(basis: WindowBasis, dates: WindowDates): Date | null {
  if (basis === "delivered") return dates.deliveredAt;
  if (basis === "fulfilled") return dates.fulfilledAt;
  return dates.processedAt;
}

function localDate(moment: Date, timeZone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(moment.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
}

/**
 * The return window of `days` calendar days after the basis date, in the shop's time zone: delivered on
 * 24 November with 30 days, returns can start until the end of 24 December local time, whatever the
 * clock change in between.
 */
export function returnWindow(policy: ReturnWindowPolicy, days: number, dates: WindowDates, now: Date, timeZone: string): ReturnWindow {
  const candidates = policy.whenBasisDateUnknown === "wait" ? [policy.basis] : BASES_FROM[policy.basis];
  const basis = candidates.find((candidate) => dateOf(candidate, dates) !== null);
  const moment = basis ? dateOf(basis, dates) : null;
  if (!basis || !moment) return { state: "awaiting_basis_date", basis: policy.basis };

  const basisDate = localDate(moment, timeZone);
  const lastDay = basisDate.add({ days });
  const closesAt = new Date(lastDay.add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds);
  return {
    state: now < closesAt ? "open" : "closed",
    basis,
    fellBackFrom: basis === policy.basis ? null : policy.basis,
    basisDate: basisDate.toString(),
    lastDay: lastDay.toString(),
    closesAt,
    days,
  };
}
