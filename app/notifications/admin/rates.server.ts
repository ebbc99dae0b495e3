import type { DbClient } from "~/db.server";
import { summariseRates, type TriggerRates } from "./rates";

/** Sent, failed and suppressed counts and open/click rates per trigger for messages created in [from, to), in one grouped query. */
export async function getNotificationRates(
  client: DbClient,
  shop: string,
  period: { from: Date; to: Date }
): Promise<TriggerRates[]> {
  const groups = await client.notificationMessage.groupBy({
    by: ["trigger", "channel", "status", "deliveryStatus"],
    where: { shop, createdAt: { gte: period.from, lt: period.to } },
    // _count of a nullable column counts the rows where it is set: opened and clicked messages.
    _count: { _all: true, firstOpenedAt: true, firstClickedAt: true },
  });
  return summariseRates(
    groups.map((group) => ({
      trigger: group.trigger,
      channel: group.channel,
      status: group.status,
      deliveryStatus: group.deliveryStatus,
      count: group._count._all,
      opened: group._count.firstOpenedAt,
      clicked: group._count.firstClickedAt,
    }))
  );
}
