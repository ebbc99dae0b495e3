/** Prisma's error code when an insert or update hit a unique constraint: another writer got there first. */
const UNIQUE_VIOLATION = "P2002";

/** Whether `error` is Prisma's unique-constraint violation (the "someone else created it" outcome of a race). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION;
}
