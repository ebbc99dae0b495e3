import { z } from "zod";
import { containsNul, NUL_MESSAGE } from "~/input/text";
import { InvalidInputError } from "~/errors";
import { shipmentStatusSchema } from "~/tracking/status";
import { decodeCursor, type ShipmentCursor } from "./cursor";
import { LIST_PARAMS, LIST_SORTS, type ShipmentListFilters } from "./list-params";

/** The shipments list request: filters plus at most one page cursor. */
export interface ShipmentListQuery extends ShipmentListFilters {
  after: ShipmentCursor | null;
  before: ShipmentCursor | null;
}

const calendarDay = z.iso.date("must be a date (YYYY-MM-DD)");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !containsNul(value), NUL_MESSAGE)
    .transform((value) => value || null)
    .nullable()
    .default(null);
const flag = z.enum(["1", "true"], "must be 1").nullable().default(null).transform(Boolean);
const cursor = z
  .string()
  .nullable()
  .default(null)
  .transform((value, context) => {
    if (value === null) return null;
    const decoded = decodeCursor(value);
    if (!decoded) context.addIssue({ code: "custom", message: "is not a page of this list" });
    return decoded ?? z.NEVER;
  });

const querySchema = z
  .object({
    statuses: z
      .array(shipmentStatusSchema, "must be shipment statuses")
      .max(20)
      .transform((statuses) => [...new Set(statuses)]),
    carrier: optionalText(100),
    delayed: flag,
    attention: flag,
    shippedFrom: calendarDay.nullable().default(null),
    shippedTo: calendarDay.nullable().default(null),
    search: optionalText(100),
    sort: z.enum(LIST_SORTS).nullable().default(null).transform((sort) => sort ?? "activity_desc"),
    after: cursor,
    before: cursor,
  })
  .refine((query) => !(query.shippedFrom && query.shippedTo && query.shippedFrom > query.shippedTo), {
    path: ["shippedTo"],
    message: "must not be before the start date",
  })
  .refine((query) => !(query.after && query.before), { path: ["before"], message: "cannot be combined with after" });

/**
 * Reads the list's URL parameters (unknown ones, like Shopify's embedded `host`, are ignored). Statuses come
 * repeated (`status=a&status=b`) or comma-separated. Throws InvalidInputError with a message per parameter.
 */
export function parseShipmentListQuery(params: URLSearchParams): ShipmentListQuery {
  const single = (name: string) => params.get(name);
  const result = querySchema.safeParse({
    statuses: params.getAll(LIST_PARAMS.status).flatMap((value) => value.split(",")).filter(Boolean),
    carrier: single(LIST_PARAMS.carrier),
    delayed: single(LIST_PARAMS.delayed),
    attention: single(LIST_PARAMS.attention),
    shippedFrom: single(LIST_PARAMS.shippedFrom) || null,
    shippedTo: single(LIST_PARAMS.shippedTo) || null,
    search: single(LIST_PARAMS.search),
    sort: single(LIST_PARAMS.sort) || null,
    after: single(LIST_PARAMS.after) || null,
    before: single(LIST_PARAMS.before) || null,
  });
  if (result.success) return result.data;
  throw new InvalidInputError(byParameter(result.error), "Some filters in the address are not valid");
}

const PARAM_OF_FIELD: Record<string, string> = { statuses: LIST_PARAMS.status, ...LIST_PARAMS };

// Field errors name the URL parameter the merchant sees, not our property name.
function byParameter(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_");
    (fieldErrors[PARAM_OF_FIELD[field] ?? field] ??= []).push(issue.message);
  }
  return fieldErrors;
}
