import type { DbClient } from "~/db.server";
import { InvalidInputError } from "~/errors";
import { logger } from "~/logger.server";
import { atomically } from "~/orders/atomically.server";
import { DEFAULT_RETURN_POLICY, type ReturnPolicy, returnPolicySchema } from "./policy-schema";

/**
 * The shop's return policy, versioned: every save adds a version and marks it current, older versions stay as
 * the history (what a return was decided under can be looked up later). Documents are stored as JSON text.
 */

/** One saved version, newest first in `listReturnPolicyVersions`. */
export interface ReturnPolicyVersionSummary {
  version: number;
  current: boolean;
  createdAt: Date;
}

/** The shop's current policy; DEFAULT_RETURN_POLICY when it never saved one. */
export async function loadReturnPolicy(db: DbClient, shop: string): Promise<ReturnPolicy> {
  const row = await db.returnPolicyVersion.findFirst({ where: { shop, current: true }, orderBy: { version: "desc" }, select: { document: true, version: true } });
  if (!row) return DEFAULT_RETURN_POLICY;
  const parsed = returnPolicySchema.safeParse(safeJson(row.document));
  if (parsed.success) return parsed.data;
  // A stored document only fails after a schema change that forgot old documents; returns must keep working.
  logger.error({ shop, version: row.version }, "stored return policy is invalid; using the default policy");
  return DEFAULT_RETURN_POLICY;
}

/** The current policy's version number, or null when the shop never saved one. */
export async function currentReturnPolicyVersion(db: DbClient, shop: string): Promise<number | null> {
  const row = await db.returnPolicyVersion.findFirst({ where: { shop, current: true }, orderBy: { version: "desc" }, select: { version: true } });
  return row?.version ?? null;
}

/** Validates `input` as a return policy and saves it as the shop's new current version; throws InvalidInputError with field messages. */
export async function saveReturnPolicy(db: DbClient, shop: string, input: unknown): Promise<ReturnPolicy> {
  const parsed = returnPolicySchema.safeParse(input);
  if (!parsed.success) throw InvalidInputError.fromZod(parsed.error, "The return policy is invalid");
  const document = JSON.stringify(parsed.data);
  await atomically(db, async (tx) => {
    const latest = await tx.returnPolicyVersion.findFirst({ where: { shop }, orderBy: { version: "desc" }, select: { version: true } });
    await tx.returnPolicyVersion.updateMany({ where: { shop, current: true }, data: { current: false } });
    await tx.returnPolicyVersion.create({ data: { shop, version: (latest?.version ?? 0) + 1, document, current: true } });
  });
  return parsed.data;
}

/** The shop's saved versions, newest first (at most `limit`). */
export async function listReturnPolicyVersions(db: DbClient, shop: string, limit = 20): Promise<ReturnPolicyVersionSummary[]> {
  return db.returnPolicyVersion.findMany({
    where: { shop },
    orderBy: { version: "desc" },
    take: limit,
    select: { version: true, current: true, createdAt: true },
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
