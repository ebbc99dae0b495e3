import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/**
 * The E.164 form of a phone number ("+4915123456789"), or null when it is not a valid number. A number written
 * without its country code is read in `defaultCountry` (the order's shipping country).
 */
export function toE164(phone: string | null | undefined, defaultCountry?: string | null): string | null {
  if (!phone?.trim()) return null;
  const country = defaultCountry?.trim().toUpperCase();
  const parsed = parsePhoneNumberFromString(phone, /^[A-Z]{2}$/.test(country ?? "") ? (country as CountryCode) : undefined);
  return parsed?.isValid() ? parsed.number : null;
}
