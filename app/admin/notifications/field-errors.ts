/** The first message for a field path, for a Polaris `error` prop. */
export function fieldError(
  fieldErrors: Record<string, string[]> | undefined,
  path: string
): string | undefined {
  return fieldErrors?.[path]?.[0];
}
