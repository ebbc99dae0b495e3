import { LosslessNumber } from "lossless-json";
import { formatCents } from "../../store/order-math.ts";
import type { Cents } from "../../store/types.ts";

/** A numeric id written as a bare JSON integer, digits intact even above 2^53 (see json.ts). */
export function idNumber(id: string): LosslessNumber {
  return new LosslessNumber(id);
}

export function nullableId(id: string | null): LosslessNumber | null {
  return id === null ? null : idNumber(id);
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** REST timestamps are in the shop's time zone with its offset: `2021-12-31T19:00:00-05:00`. */
export function shopTime(date: Date | null, timeZone: string): string | null {
  if (!date) return null;
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(date).map((p) => [p.type, p.value]));
  const local = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  const offsetMinutes = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

export function price(cents: Cents): string {
  return formatCents(cents);
}

/** `{shop_money, presentment_money}`; the stand-in sells in the shop currency only. */
export function moneySet(cents: Cents, currency: string) {
  const money = { amount: price(cents), currency_code: currency };
  return { shop_money: money, presentment_money: { ...money } };
}
