import { z } from "zod";
import { MalformedPayloadError } from "~/errors";
import { parseShopifyJson } from "~/webhooks/payload";

/** The EasyPost Event descriptions that carry a Tracker. */
export const TRACKER_EVENTS = ["tracker.created", "tracker.updated"] as const;

const MAX_MESSAGE_LENGTH = 500;
const MAX_PLACE_LENGTH = 100;

/** Carrier free text: trimmed, bounded, blank as null. Stored as text; the pages that show it escape it. */
const text = (max: number) =>
  z
    .string()
    .nullish()
    .transform((value) => (value?.trim() ? value.trim().slice(0, max) : null));

/** EasyPost sends UTC timestamps ("2026-11-20T10:00:00Z"); one without an offset is read as UTC. */
const easyPostTime = z.iso
  .datetime({ offset: true, local: true })
  .transform((value) => new Date(/[Zz]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`));

const trackingLocationSchema = z
  .object({ city: text(MAX_PLACE_LENGTH), state: text(MAX_PLACE_LENGTH), country: text(MAX_PLACE_LENGTH), zip: text(MAX_PLACE_LENGTH) })
  .nullish();

const trackingDetailSchema = z.object({
  datetime: easyPostTime,
  status: z.string().min(1),
  status_detail: text(100),
  message: text(MAX_MESSAGE_LENGTH),
  tracking_location: trackingLocationSchema,
});

/** EasyPost's Tracker object, reduced to what tracking needs. */
export const easyPostTrackerSchema = z.object({
  id: z.string().min(1),
  object: z.literal("Tracker"),
  tracking_code: z.string().trim().min(1).max(100),
  status: z.string().min(1),
  status_detail: text(100),
  carrier: text(100),
  est_delivery_date: easyPostTime.nullish().transform((value) => value ?? null),
  tracking_details: z
    .array(trackingDetailSchema)
    .max(1000)
    .nullish()
    .transform((details) => details ?? []),
});

export type EasyPostTracker = z.infer<typeof easyPostTrackerSchema>;

/** EasyPost's webhook Event envelope; `result` is read by description. */
export const easyPostEventSchema = z.object({
  id: z.string().min(1).max(100),
  object: z.literal("Event"),
  description: z.string().min(1).max(100),
  result: z.unknown(),
});

export type EasyPostEvent = z.infer<typeof easyPostEventSchema>;

/** An EasyPost webhook body that is not JSON or not the documented shape; retrying cannot fix it. */
export class InvalidEasyPostPayloadError extends MalformedPayloadError {
  constructor(readonly issues: readonly string[]) {
    super(`Invalid EasyPost payload: ${issues.join("; ")}`);
  }
}

/** Parses a body as `schema`, or throws InvalidEasyPostPayloadError naming each bad field. */
export function parseEasyPost<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidEasyPostPayloadError(result.error.issues.map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`));
}

/** The Event in a raw webhook body; throws InvalidEasyPostPayloadError when it is not one. */
export function easyPostEventFromBody(body: string): EasyPostEvent {
  let json: unknown;
  try {
    // The lossless parser, though this is not Shopify's body: no number in it may lose digits either.
    json = parseShopifyJson(body);
  } catch {
    throw new InvalidEasyPostPayloadError(["(body): is not JSON"]);
  }
  return parseEasyPost(easyPostEventSchema, json);
}

/** Whether an Event carries a Tracker (other event types are acknowledged and dropped). */
export function isTrackerEvent(event: EasyPostEvent): boolean {
  return (TRACKER_EVENTS as readonly string[]).includes(event.description);
}
