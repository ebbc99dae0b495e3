import { Prisma } from "~/generated/sqlite/client";

export type ModelName = Prisma.ModelName;

/** The scalar field names of a model, read from the generated client. */
export function modelFields(model: ModelName): string[] {
  const fields = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[`${model}ScalarFieldEnum`];
  if (!fields) throw new Error(`The generated client has no field list for model ${model}`);
  return Object.values(fields);
}

/**
 * Every model that holds a shop's rows, derived from the generated client rather than listed by hand, so a
 * table added later is erased by shop/redact without anyone remembering to add it.
 */
export const SHOP_DATA_MODELS: readonly ModelName[] = Object.values(Prisma.ModelName).filter((model) =>
  modelFields(model).includes("shop"),
);

/** The Prisma client property of a model ("TrackingEvent" → "trackingEvent"). */
export function delegateName(model: ModelName): string {
  return model.charAt(0).toLowerCase() + model.slice(1);
}
