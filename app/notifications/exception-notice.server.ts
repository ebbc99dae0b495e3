import type { Db } from "~/db.server";
import { EXCEPTION_KINDS, type ExceptionKind } from "~/exceptions/kinds";
import { exceptionIdOfKey } from "./dedupe-key";

/**
 * The problem an exception notice apologises for, read at send time: its kind while the flag is still open,
 * null once the cause is gone (the parcel moved on before the message went out) or the flag is unknown.
 */
export async function openExceptionKindOf(db: Db, shop: string, dedupeKey: string): Promise<ExceptionKind | null> {
  const id = exceptionIdOfKey(dedupeKey);
  if (!id) return null;
  const flag = await db.shipmentException.findFirst({ where: { shop, id, resolvedAt: null }, select: { kind: true } });
  return EXCEPTION_KINDS.find((kind) => kind === flag?.kind) ?? null;
}
