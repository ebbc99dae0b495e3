import { quantileOf } from "~/analytics/carrier-performance";
import type { ReturnStatus } from "./case-status";
import type { MetricPeriod } from "./metrics-period";
import { type Minor, type Money, money, toMinor } from "./money";
import { OUTCOMES, type Outcome } from "./policy-schema";

/**
 * The returns numbers a merchant steers by, over one period: return rate, how much returned value stayed in
 * the store (exchanges and store credit against refunds), top reasons overall and by product, time to refund,
 * and the cases still open. Pure: the query (metrics.server.ts) hands in the rows.
 *
 * What counts: a case that is, or was, on its way to settling — declined and cancelled requests returned
 * nothing and are left out. Money is summed per currency, never across.
 */


/** Statuses of a case that returned (or is returning) something. */
export const COUNTED_STATUSES = ["requested", "open", "in_transit", "received", "processed", "closed"] as const satisfies readonly ReturnStatus[];
/** Statuses of a case that still needs someone to act. */
export const OPEN_STATUSES = ["requested", "open", "in_transit", "received"] as const satisfies readonly ReturnStatus[];

export const TOP_REASONS = 5;
export const TOP_PRODUCTS = 5;
export const TOP_REASONS_PER_PRODUCT = 3;

/** A case requested in the period (never one still being submitted). */
export interface MetricCase {
  id: string;
  orderId: string;
  status: string;
  outcome: string;
  currency: string;
  refundAmount: string;
  storeCreditAmount: string;
  bonusAmount: string;
  exchangeValue: string;
  amountDue: string;
  requestedAt: Date;
  processedAt: Date | null;
}

/** A returned line of one of those cases; `productId` is null when the order line is unknown or custom. */
export interface MetricLine {
  returnId: string;
  productId: string | null;
  title: string;
  quantity: number;
  reason: string;
}

export interface ReturnsMetricsInput {
  periodDays: MetricPeriod;
  since: Date;
  until: Date;
  cases: readonly MetricCase[];
  lines: readonly MetricLine[];
  /** Orders placed in the period that shipped (fulfilled or partly), and the units they shipped. */
  shipped: { orders: number; units: number };
  /** Which of the cases' orders are among those shipped orders (the return rate's cohort). */
  cohortOrderIds: ReadonlySet<string>;
  /** Every case of the shop by status right now (the open cases are not bound to the period). */
  byStatus: readonly { status: string; count: number }[];
}

/** `count` of `of`, and their ratio (null when `of` is zero: no rate is not a 0% rate). */
export interface Ratio {
  count: number;
  of: number;
  rate: number | null;
}

/** The money of the counted cases in one currency. */
export interface CurrencyFigures {
  currency: string;
  refunded: Money;
  /** Store credit issued, bonus included. */
  storeCredit: Money;
  exchanged: Money;
  /** Bonus credit the shop gave on top (a cost, so not part of `kept`). */
  bonus: Money;
  /** Returned value that stayed in the store: store credit and exchanges, less bonus and what the shopper paid on top. */
  kept: Money;
  /** kept ÷ (kept + refunded); null when nothing was settled. */
  keptShare: number | null;
}

export interface ReasonCount {
  reason: string;
  /** Returned units. */
  units: number;
  /** Of all returned units in the group. */
  share: number;
}

export interface ProductReasons {
  productId: string | null;
  title: string;
  units: number;
  /** Of all returned units. */
  share: number;
  reasons: ReasonCount[];
}

export interface ReturnsMetrics {
  periodDays: MetricPeriod;
  since: string;
  until: string;
  /** Counted cases requested in the period. */
  cases: number;
  returnRate: { orders: Ratio; items: Ratio };
  outcomes: Record<Outcome, number>;
  /** Counted cases settled as an exchange. */
  exchangeShare: Ratio;
  money: CurrencyFigures[];
  topReasons: ReasonCount[];
  topProducts: ProductReasons[];
  /** From request to refund (processed), in hours, over the counted cases processed so far. */
  timeToRefund: { cases: number; medianHours: number | null; p90Hours: number | null };
  open: { total: number; byStatus: { status: (typeof OPEN_STATUSES)[number]; count: number }[] };
}

const HOUR_MS = 3_600_000;
const counted = new Set<string>(COUNTED_STATUSES);

/** The returns numbers of one period from its rows. */
export function returnsMetrics(input: ReturnsMetricsInput): ReturnsMetrics {
  const cases = input.cases.filter((row) => counted.has(row.status));
  const caseIds = new Set(cases.map((row) => row.id));
  const lines = input.lines.filter((line) => caseIds.has(line.returnId));
  return {
    periodDays: input.periodDays,
    since: input.since.toISOString(),
    until: input.until.toISOString(),
    cases: cases.length,
    returnRate: returnRate(cases, lines, input),
    outcomes: countOutcomes(cases),
    exchangeShare: ratio(cases.filter((row) => row.outcome === "exchange").length, cases.length),
    money: moneyByCurrency(cases),
    topReasons: reasonCounts(lines, TOP_REASONS),
    topProducts: productReasons(lines),
    timeToRefund: timeToRefund(cases),
    open: openCases(input.byStatus),
  };
}

/** `count / of` rounded to four decimals, or null when there is nothing to divide by. */
export function ratio(count: number, of: number): Ratio {
  return { count, of, rate: of > 0 ? round(count / of, 4) : null };
}

// Only orders of the cohort count, so a return of last year's order never inflates this period's rate.
function returnRate(cases: readonly MetricCase[], lines: readonly MetricLine[], input: ReturnsMetricsInput): ReturnsMetrics["returnRate"] {
  const cohortCases = new Set(cases.filter((row) => input.cohortOrderIds.has(row.orderId)).map((row) => row.id));
  const orders = new Set(cases.filter((row) => cohortCases.has(row.id)).map((row) => row.orderId));
  const units = lines.filter((line) => cohortCases.has(line.returnId)).reduce((sum, line) => sum + line.quantity, 0);
  return { orders: ratio(orders.size, input.shipped.orders), items: ratio(units, input.shipped.units) };
}

function countOutcomes(cases: readonly MetricCase[]): Record<Outcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
  for (const row of cases) if (row.outcome in counts) counts[row.outcome as Outcome] += 1;
  return counts;
}

interface MinorFigures {
  refunded: Minor;
  storeCredit: Minor;
  exchanged: Minor;
  bonus: Minor;
  kept: Minor;
}

/**
 * Per currency. What stayed in the store is the returned value settled as credit or new items: for store
 * credit that is the credit less its bonus; for an exchange the new items less bonus and any amount the
 * shopper paid on top, plus change given as credit (change refunded is in `refunded`).
 */
export function moneyByCurrency(cases: readonly Pick<MetricCase, "currency" | "refundAmount" | "storeCreditAmount" | "bonusAmount" | "exchangeValue" | "amountDue">[]): CurrencyFigures[] {
  const totals = new Map<string, MinorFigures>();
  for (const row of cases) {
    const minor = (amount: string) => toMinor(amount, row.currency);
    const sum = totals.get(row.currency) ?? { refunded: 0n, storeCredit: 0n, exchanged: 0n, bonus: 0n, kept: 0n };
    sum.refunded += minor(row.refundAmount);
    sum.storeCredit += minor(row.storeCreditAmount);
    sum.exchanged += minor(row.exchangeValue);
    sum.bonus += minor(row.bonusAmount);
    sum.kept += minor(row.storeCreditAmount) + minor(row.exchangeValue) - minor(row.bonusAmount) - minor(row.amountDue);
    totals.set(row.currency, sum);
  }
  return [...totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, sum]) => ({
      currency,
      refunded: money(sum.refunded, currency),
      storeCredit: money(sum.storeCredit, currency),
      exchanged: money(sum.exchanged, currency),
      bonus: money(sum.bonus, currency),
      kept: money(sum.kept, currency),
      keptShare: sum.kept + sum.refunded > 0n ? round(Number(sum.kept) / Number(sum.kept + sum.refunded), 4) : null,
    }));
}

/** Returned units per reason, most first (ties by reason), at most `limit`. */
export function reasonCounts(lines: readonly Pick<MetricLine, "reason" | "quantity">[], limit: number): ReasonCount[] {
  const total = lines.reduce((sum, line) => sum + line.quantity, 0);
  return ranked(lines, (line) => line.reason, limit).map(([reason, group]) => ({ reason, units: group.units, share: round(group.units / total, 4) }));
}

/** The most returned products (by units), each with its top reasons; lines without a product group by title. */
export function productReasons(lines: readonly MetricLine[]): ProductReasons[] {
  const total = lines.reduce((sum, line) => sum + line.quantity, 0);
  return ranked(lines, (line) => line.productId ?? `title:${line.title}`, TOP_PRODUCTS).map(([, group]) => ({
    productId: group.lines[0]!.productId,
    title: group.lines[0]!.title,
    units: group.units,
    share: round(group.units / total, 4),
    reasons: reasonCounts(group.lines, TOP_REASONS_PER_PRODUCT),
  }));
}

function ranked<Line extends { quantity: number }>(lines: readonly Line[], keyOf: (line: Line) => string, limit: number): [string, { units: number; lines: Line[] }][] {
  const groups = new Map<string, { units: number; lines: Line[] }>();
  for (const line of lines) {
    const group = groups.get(keyOf(line)) ?? { units: 0, lines: [] };
    group.units += line.quantity;
    group.lines.push(line);
    groups.set(keyOf(line), group);
  }
  return [...groups]
    .filter(([, group]) => group.units > 0)
    .sort(([a, x], [b, y]) => y.units - x.units || a.localeCompare(b))
    .slice(0, limit);
}

/** Hours from request to refund of the processed cases: median and 90th percentile (nearest rank). */
export function timeToRefund(cases: readonly Pick<MetricCase, "requestedAt" | "processedAt">[]): ReturnsMetrics["timeToRefund"] {
  const hours = cases
    .flatMap((row) => (row.processedAt ? [Math.max(0, row.processedAt.getTime() - row.requestedAt.getTime()) / HOUR_MS] : []))
    .sort((a, b) => a - b);
  const at = (q: number) => {
    const value = quantileOf(hours, q);
    return value === null ? null : round(value, 1);
  };
  return { cases: hours.length, medianHours: at(0.5), p90Hours: at(0.9) };
}

function openCases(byStatus: ReturnsMetricsInput["byStatus"]): ReturnsMetrics["open"] {
  const counts = OPEN_STATUSES.map((status) => ({
    status,
    count: byStatus.filter((group) => group.status === status).reduce((sum, group) => sum + group.count, 0),
  }));
  return { total: counts.reduce((sum, group) => sum + group.count, 0), byStatus: counts };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
