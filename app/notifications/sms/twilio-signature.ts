import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Twilio's request signature: HMAC-SHA1, keyed with the account's auth token, over the full URL Twilio called
 * followed by every POST parameter, sorted by name, as name + value with no separators; base64.
 */
export function twilioSignature(authToken: string, url: string, params: ReadonlyArray<readonly [string, string]>): string {
  const sorted = [...params].sort(([a, aValue], [b, bValue]) => (a < b ? -1 : a > b ? 1 : aValue < bValue ? -1 : aValue > bValue ? 1 : 0));
  const signed = url + sorted.map(([name, value]) => name + value).join("");
  return createHmac("sha1", authToken).update(signed, "utf8").digest("base64");
}

/** Whether `signature` (the X-Twilio-Signature header) is Twilio's for this URL and form body; constant-time. */
export function isValidTwilioSignature(
  authToken: string,
  signature: string | null | undefined,
  url: string,
  params: ReadonlyArray<readonly [string, string]>,
): boolean {
  if (!signature) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
