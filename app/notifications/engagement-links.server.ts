import type { DbClient } from "~/db.server";
import { recordClick, recordOpen } from "./engagement.server";
import { verifyClickToken, verifyOpenToken } from "./links.server";

/** Counts an open for a valid pixel token; a bad token counts nothing (the pixel is served either way). */
export async function countOpen(client: DbClient, token: string, now = new Date()): Promise<void> {
  const target = await verifyOpenToken(token, now);
  if (target) await recordOpen(client, target.shop, target.messageId, now);
}

/** Counts a click and returns where it goes, or null for a token we did not sign (never an open redirect). */
export async function followClick(client: DbClient, token: string, now = new Date()): Promise<string | null> {
  const target = await verifyClickToken(token, now);
  if (!target) return null;
  await recordClick(client, target.shop, target.messageId, now);
  return target.url;
}
