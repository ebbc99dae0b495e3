import { z } from "zod";
import { InvalidInputError } from "~/errors";
import { RETURN_STATUSES } from "./case-status";
import { outcomeSchema, returnReasonSchema } from "./policy-schema";
import { decodeQueueCursor } from "./queue-cursor";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-11-25")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "must be a real date");

const blankAsMissing = (value: unknown) => (value === "" || value === null ? undefined : value);

const cursor = z.preprocess(
  blankAsMissing,
  z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined) return null;
      const decoded = decodeQueueCursor(value);
      if (!decoded) context.addIssue({ code: "custom", message: "is not a page of this list" });
      return decoded ?? z.NEVER;
    }),
);

/**
 * The returns queue's filters and page, as the URL carries them (?status=requested&outcome=refund&reason=defective
 * &from=…&to=…&after=…): at most one of `after` (the next page) and `before` (the previous one).
 */
export const returnQueueQuerySchema = z
  .object({
    status: z.preprocess(blankAsMissing, z.enum(RETURN_STATUSES).optional()),
    outcome: z.preprocess(blankAsMissing, outcomeSchema.optional()),
    reason: z.preprocess(blankAsMissing, returnReasonSchema.optional()),
    from: z.preprocess(blankAsMissing, day.optional()),
    to: z.preprocess(blankAsMissing, day.optional()),
    after: cursor,
    before: cursor,
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { path: ["to"], message: "must not be before the start date" })
  .refine((query) => !(query.after && query.before), { path: ["before"], message: "cannot be combined with after" });
export type ReturnQueueQuery = z.infer<typeof returnQueueQuerySchema>;

/** Parses the queue's URL parameters; InvalidInputError names each bad one. */
export function parseReturnQueueQuery(params: URLSearchParams): ReturnQueueQuery {
  const parsed = returnQueueQuerySchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw InvalidInputError.fromZod(parsed.error, "The filters are invalid");
  return parsed.data;
}
