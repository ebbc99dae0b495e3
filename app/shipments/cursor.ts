import { z } from "zod";

/** A position in the list: the row's last event time (null sorts last) and its id, which breaks ties. */
export interface ShipmentCursor {
  lastEventAt: Date | null;
  id: string;
}

const cursorSchema = z.tuple([z.iso.datetime().nullable(), z.string().min(1).max(64)]);

/** The opaque URL form of a cursor. */
export function encodeCursor(cursor: ShipmentCursor): string {
  return Buffer.from(JSON.stringify([cursor.lastEventAt?.toISOString() ?? null, cursor.id])).toString("base64url");
}

/** The cursor an opaque string encodes, or null for anything this app did not produce. */
export function decodeCursor(value: string): ShipmentCursor | null {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success) return null;
  const [lastEventAt, id] = parsed.data;
  return { lastEventAt: lastEventAt === null ? null : new Date(lastEventAt), id };
}
