import type { DbClient } from "~/db.server";

/** Counts an open of a message (its pixel loaded); atomic, so concurrent opens are all counted. */
export async function recordOpen(client: DbClient, shop: string, messageId: string, now = new Date()): Promise<boolean> {
  const { count } = await client.notificationMessage.updateMany({ where: { shop, id: messageId }, data: { openCount: { increment: 1 } } });
  if (count) await client.notificationMessage.updateMany({ where: { shop, id: messageId, firstOpenedAt: null }, data: { firstOpenedAt: now } });
  return count > 0;
}

/** Counts a click on a link in a message. A click proves an open too (images are often blocked). */
export async function recordClick(client: DbClient, shop: string, messageId: string, now = new Date()): Promise<boolean> {
  const { count } = await client.notificationMessage.updateMany({ where: { shop, id: messageId }, data: { clickCount: { increment: 1 } } });
  if (!count) return false;
  await client.notificationMessage.updateMany({ where: { shop, id: messageId, firstClickedAt: null }, data: { firstClickedAt: now } });
  await client.notificationMessage.updateMany({ where: { shop, id: messageId, firstOpenedAt: null }, data: { firstOpenedAt: now } });
  return true;
}
