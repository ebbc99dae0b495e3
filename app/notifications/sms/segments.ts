import { SegmentedMessage } from "sms-segments-calculator";

export interface SegmentCount {
  /** GSM-7 fits 160 characters in one segment (153 when split); UCS-2 (any emoji, most non-Latin text) only 70 (67). */
  encoding: "GSM-7" | "UCS-2";
  segments: number;
}

/** How an SMS body will be encoded and how many billed segments it takes. */
export function countSegments(body: string): SegmentCount {
  const message = new SegmentedMessage(body);
  return { encoding: message.encodingName === "GSM-7" ? "GSM-7" : "UCS-2", segments: message.segmentsCount };
}
