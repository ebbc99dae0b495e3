import type { ReturnPolicy } from "~/returns/policy-schema";

/** Small helpers for editing the policy document in the admin form. Pure. */

export type PolicyPath = readonly (string | number)[];

/** A copy of `doc` with the value at `path` replaced. */
export function setIn<T>(doc: T, path: PolicyPath, value: unknown): T {
  const copy = structuredClone(doc);
  let node = copy as unknown as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

/** Reads a number field: empty text is NaN, which the schema reports as a missing number. */
export const numberFrom = (text: string): number => (text.trim() === "" ? Number.NaN : Number(text));
export const numberText = (value: number): string => (Number.isFinite(value) ? String(value) : "");

/** Comma-separated text ⇄ a list (tags, product types, ids). */
export const listFrom = (text: string): string[] =>
  text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
export const listText = (values: readonly string[]): string => values.join(", ");

/** An empty amount field means "no value" where the policy allows null. */
export const amountOrNull = (text: string): string | null => (text.trim() === "" ? null : text.trim());

/** Moves the item at `index` one place up (-1) or down (+1). */
export function move<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return [...items];
  const copy = [...items];
  [copy[index], copy[target]] = [copy[target]!, copy[index]!];
  return copy;
}

/** The first field message for a policy path, from a save (paths as is) or a simulation ("policy." prefix). */
export function policyError(fieldErrors: Record<string, string[]> | undefined, path: PolicyPath): string | undefined {
  const key = path.join(".");
  return fieldErrors?.[key]?.[0] ?? fieldErrors?.[`policy.${key}`]?.[0];
}

export type PolicyEditor = {
  policy: ReturnPolicy;
  set: (path: PolicyPath, value: unknown) => void;
  error: (path: PolicyPath) => string | undefined;
};

/** A new product rule with a unique id. */
export function newRule(existing: readonly { id: string }[]): ReturnPolicy["rules"][number] {
  let n = existing.length + 1;
  while (existing.some((rule) => rule.id === `rule-${n}`)) n++;
  return { id: `rule-${n}`, label: `Rule ${n}`, match: { productIds: [], variantIds: [], collectionIds: [], tags: [], productTypes: [], vendors: [] }, effects: [{ type: "final_sale" }] };
}
