// Check digit arithmetic written from the carriers' published rules, independent of ts-tracking-number, so the
// detection tests build their own valid numbers (and break them by one digit).

const digitValue = (char: string) => (/\d/.test(char) ? Number(char) : (char.charCodeAt(0) - 3) % 10);

/** Mod 10 with weights alternating from the left (first position weight `first`, second `second`). */
function mod10(payload: string, first: number, second: number): string {
  const sum = [...payload].reduce((total, char, index) => total + digitValue(char) * (index % 2 === 0 ? first : second), 0);
  return String((10 - (sum % 10)) % 10);
}

/** UPS 1Z: mod 10 over the 15 characters after "1Z", letters folded, odd positions doubled. */
export const ups = (body15: string) => `1Z${body15}${mod10(body15, 1, 2)}`;

/** USPS IMpb and 20-digit numbers: mod 10 over every digit but the last, from the left weights 3,1,3,1… */
export const usps = (body: string) => `${body}${mod10(body, 3, 1)}`;

/** FedEx Express 12 digits: weights 3,1,7 repeating over 11 digits, sum mod 11 mod 10. */
export function fedex12(body11: string): string {
  const weights = [3, 1, 7];
  const sum = [...body11].reduce((total, char, index) => total + Number(char) * weights[index % 3]!, 0);
  return `${body11}${(sum % 11) % 10}`;
}

/** FedEx Ground 15 digits: mod 10 with weights 1,3 from the left. */
export const fedex15 = (body14: string) => `${body14}${mod10(body14, 1, 3)}`;

/** FedEx Ground 96 (22 digits): 96, 2-digit SCNC, 3-digit service, 14-digit serial checked with weights 1,3. */
export const fedex22 = (prefix7: string, serial14: string) => `${prefix7}${serial14}${mod10(serial14, 1, 3)}`;

/** DHL Express 10 digits: the 9-digit serial mod 7. */
export const dhlExpress = (serial9: string) => `${serial9}${Number(serial9) % 7}`;

/** OnTrac C/D: the letter folded to 4/5, then mod 10 with weights 1,2. */
export const ontrac = (letter: "C" | "D", body13: string) => `${letter}${body13}${mod10(`${letter === "C" ? 4 : 5}${body13}`, 1, 2)}`;

/** UPU S10: 8 digits weighted 8,6,4,2,3,5,9,7; 11 − sum mod 11, where 10 becomes 0 and 11 becomes 5. */
export function s10(service: string, serial8: string, country: string): string {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const check = 11 - ([...serial8].reduce((total, char, index) => total + Number(char) * weights[index]!, 0) % 11);
  return `${service}${serial8}${check === 10 ? 0 : check === 11 ? 5 : check}${country}`;
}

/** The same number with its check digit changed: the format still fits, the check no longer does. */
export function withWrongCheckDigit(valid: string, checkIndex = -1): string {
  const index = checkIndex < 0 ? valid.length + checkIndex : checkIndex;
  const wrong = String((Number(valid[index]) + 1) % 10);
  return `${valid.slice(0, index)}${wrong}${valid.slice(index + 1)}`;
}
