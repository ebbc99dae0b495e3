import type { z } from "zod";
import { InvalidInputError } from "~/errors";

/** Parses engine input with `schema`, or throws InvalidInputError naming each bad field ("request.items.0.quantity"). */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw InvalidInputError.fromZod(result.error, "The return input is invalid");
  return result.data;
}
