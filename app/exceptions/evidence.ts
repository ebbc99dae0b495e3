import { z } from "zod";

const evidenceSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

/** A flag's stored evidence (JSON text); unreadable text reads as no evidence rather than failing a page or a job. */
export function parseEvidence(text: string): Record<string, string | number | null> {
  try {
    const parsed = evidenceSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
