import { z } from "zod";

/** A mutation payload's `userErrors` as the Admin API returns them (checked with throwIfUserErrors). */
export const userErrorsSchema = z.array(z.object({ field: z.array(z.string()).nullish(), message: z.string(), code: z.string().nullish() }));
