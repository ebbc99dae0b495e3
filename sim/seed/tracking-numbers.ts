import type { Random } from "./random.ts";

// Tracking numbers in each carrier's real format, check digits included, so the app's carrier
// detection and validation see what real shipments carry.

/** UPS 1Z: 6-char shipper, 2-digit service, 7-digit package, mod-10 check over the 15 characters. */
export function upsCheckDigit(body: string): number {
  let sum = 0;
  [...body].forEach((char, index) => {
    const value = /\d/.test(char) ? Number(char) : (char.charCodeAt(0) - 63) % 10;
    sum += index % 2 === 1 ? value * 2 : value;
  });
  return (10 - (sum % 10)) % 10;
}

export function upsNumber(random: Random): string {
  const body = `${random.letters(3)}${random.digits(3)}${random.pick(["01", "02", "03", "12", "13"])}${random.digits(7)}`;
  return `1Z${body}${upsCheckDigit(body)}`;
}

/** GS1 mod-10 (weights 3,1 from the right), used by USPS IMpb and FedEx Ground 96 numbers. */
export function mod10CheckDigit(digits: string): number {
  let sum = 0;
  [...digits].reverse().forEach((digit, index) => {
    sum += Number(digit) * (index % 2 === 0 ? 3 : 1);
  });
  return (10 - (sum % 10)) % 10;
}

/** USPS Intelligent Mail package barcode: 22 digits starting 9400 (Priority/First-Class). */
export function uspsNumber(random: Random): string {
  const body = `9400${random.pick(["1", "5"])}${random.digits(16)}`;
  return `${body}${mod10CheckDigit(body)}`;
}

/** FedEx Express 12 digits: weights 1,3,7 from the right over 11 digits, mod 11 (10 → 0). */
export function fedexCheckDigit(body: string): number {
  const weights = [1, 3, 7];
  let sum = 0;
  [...body].reverse().forEach((digit, index) => {
    sum += Number(digit) * weights[index % 3]!;
  });
  return (sum % 11) % 10;
}

export function fedexNumber(random: Random): string {
  const body = `${random.int(2, 7)}${random.digits(10)}`;
  return `${body}${fedexCheckDigit(body)}`;
}

/** DHL Express waybill: 10 digits, the last being the first nine mod 7. */
export function dhlExpressNumber(random: Random): string {
  const body = `${random.int(1, 9)}${random.digits(8)}`;
  return `${body}${Number(body) % 7}`;
}

/** UPU S10 (Royal Mail, Canada Post, Australia Post international): AA 8 digits, check, country. */
export function s10CheckDigit(serial: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...serial].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

export function s10Number(random: Random, service: string, country: string): string {
  const serial = random.digits(8);
  return `${service}${serial}${s10CheckDigit(serial)}${country}`;
}

export type Carrier = "UPS" | "USPS" | "FedEx" | "DHL Express" | "Canada Post" | "Royal Mail" | "Australia Post";

export function trackingNumberFor(carrier: Carrier, random: Random): string {
  switch (carrier) {
    case "UPS":
      return upsNumber(random);
    case "USPS":
      return uspsNumber(random);
    case "FedEx":
      return fedexNumber(random);
    case "DHL Express":
      return dhlExpressNumber(random);
    case "Canada Post":
      return s10Number(random, random.pick(["RR", "CP", "LX"]), "CA");
    case "Royal Mail":
      return s10Number(random, random.pick(["RR", "RN", "LX"]), "GB");
    case "Australia Post":
      return s10Number(random, random.pick(["RR", "LX"]), "AU");
  }
}

/** Carriers a shop in North America would plausibly use to ship to a country. */
export function carriersFor(countryCode: string): Carrier[] {
  switch (countryCode) {
    case "US":
      return ["UPS", "USPS", "FedEx"];
    case "CA":
      return ["Canada Post", "UPS", "FedEx"];
    case "GB":
      return ["Royal Mail", "DHL Express"];
    case "AU":
      return ["Australia Post", "DHL Express"];
    default:
      return ["DHL Express", "FedEx", "UPS"];
  }
}
