import type { Db } from "~/db.server";
import { addressHash } from "../keys.server";
import { MESSAGE_STATUS } from "../message-status";
import { liftSuppression, suppressAddress } from "../suppressions.server";
import { inboundIntent, type InboundIntent } from "./keywords";
import { toE164 } from "./phone";

export interface InboundSms {
  from: string;
  body: string;
}

export interface InboundResult {
  intent: InboundIntent;
  /** How many shops' opt-out lists changed. */
  shops: number;
  /** The reply to send back (TwiML <Message>), if any. */
  reply: string | null;
}

const REPLIES: Record<InboundIntent, string | null> = {
  opt_out: "You're unsubscribed from delivery updates and will get no more texts. Reply START to resubscribe.",
  opt_in: "You're resubscribed to delivery updates. Reply STOP to opt out.",
  help: "Delivery updates for your orders. Reply STOP to opt out. For help with an order, use the contact link on your tracking page.",
  other: null,
};

/**
 * Applies an inbound SMS to the app's shared sender: STOP puts the phone on the do-not-text list of every shop that
 * texted it, START takes it off, HELP only answers. Shops are found by the keyed hash of the phone on sent
 * messages, the one look-up that crosses shops by design (the number is shared).
 */
export async function handleInboundSms(db: Db, sms: InboundSms): Promise<InboundResult> {
  const intent = inboundIntent(sms.body);
  const phone = toE164(sms.from);
  if (!phone || (intent !== "opt_out" && intent !== "opt_in")) return { intent, shops: 0, reply: REPLIES[intent] };
  const hash = addressHash("sms", phone);
  const texted = await db.notificationMessage.findMany({
    where: { channel: "sms", recipientHash: hash, status: MESSAGE_STATUS.sent },
    select: { shop: true },
    distinct: ["shop"],
  });
  let changed = 0;
  for (const { shop } of texted) {
    if (intent === "opt_out") {
      await suppressAddress(db, shop, "sms", hash, "sms_stop");
      changed += 1;
    } else if (await liftSuppression(db, shop, "sms", hash)) {
      changed += 1;
    }
  }
  return { intent, shops: changed, reply: REPLIES[intent] };
}
