import type { DbClient } from "~/db.server";
import { MESSAGE_LOG_LIMIT, type MessageLogRow } from "./log";

/** The shop's newest messages (at most MESSAGE_LOG_LIMIT), optionally only for orders whose name contains `orderName`. */
export async function listMessageLog(
  client: DbClient,
  shop: string,
  filter: { orderName?: string }
): Promise<MessageLogRow[]> {
  const orderIds = filter.orderName
    ? (
        await client.order.findMany({
          where: { shop, name: { contains: filter.orderName } },
          select: { id: true },
          take: 500,
        })
      ).map((order) => order.id)
    : undefined;
  if (orderIds && !orderIds.length) return [];
  const messages = await client.notificationMessage.findMany({
    where: { shop, ...(orderIds ? { orderId: { in: orderIds } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MESSAGE_LOG_LIMIT,
    select: {
      id: true,
      orderId: true,
      trigger: true,
      channel: true,
      status: true,
      reason: true,
      sentAt: true,
      createdAt: true,
    },
  });
  const orders = await client.order.findMany({
    where: {
      shop,
      id: { in: [...new Set(messages.map((message) => message.orderId))] },
    },
    select: { id: true, name: true },
  });
  const names = new Map(orders.map((order) => [order.id, order.name]));
  return messages.map((message) => ({
    ...message,
    orderName: names.get(message.orderId) ?? null,
  }));
}
