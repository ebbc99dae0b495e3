import type { Db } from "~/db.server";
import { promisesForMessage } from "~/delivery-estimates/live/message-promises.server";
import { promiseToShow } from "~/delivery-estimates/live/order-promises";
import { env } from "~/env.server";
import type { NotificationMessage } from "~/generated/sqlite/client";
import { trackingPageLink } from "~/tracking-page/signed-links.server";
import type { NotificationChannels } from "./channels.server";
import { claimMessage, markFailed, markSent, markSuppressed, releaseForRetry } from "./claim.server";
import { absorbSiblings } from "./coalesce.server";
import { loadSendContext } from "./context.server";
import { DeliveryError } from "./delivery-error";
import { EmailTemplateError, renderEmail } from "./email/render";
import { addressHash } from "./keys.server";
import { clickUrl, openPixelUrl, unsubscribeUrl } from "./links.server";
import type { MessageFacts } from "./message-facts";
import type { SuppressionReason } from "./message-status";
import { emailMessageId } from "./message-id";
import { chooseMessageLocale } from "./messages";
import { openExceptionKindOf } from "./exception-notice.server";
import { returnMilestoneOfKey } from "./dedupe-key";
import { EXCEPTION_TRIGGER, FOLLOW_UP_TRIGGER, milestoneStillCurrent, RETURN_TRIGGER, SHIPMENT_MILESTONES, TRIGGERS, type ShipmentMilestone, type Trigger } from "./milestones";
import { currentStatus, fulfillmentShipments, loadOrderFacts, type OrderFacts } from "./order-facts.server";
import { recipientFor } from "./recipient";
import { smsBody } from "./sms/body";
import { placeholderValues } from "./email/template";
import { SMS_STATUS_CALLBACK_PATH } from "./sms/delivery-status";
import type { Channel } from "./channels";

export interface DeliverOptions {
  channels: NotificationChannels;
  /** The send job's attempt and limit: a transient failure on the last attempt is final. */
  attempt: number;
  maxAttempts: number;
  now?: Date;
}

/** How a delivery attempt ended; `skipped` when the message was not pending (already handled, or gone). */
export type DeliveryResult = "sent" | "suppressed" | "failed" | "skipped";

type Prepared =
  | { suppress: SuppressionReason }
  | { fail: string }
  | { send: () => Promise<{ providerMessageId: string }>; subject: string | null; locale: string; recipientHash: string };

/**
 * Sends one outbox message at most once: claims it, re-checks at send time that it is still wanted (order,
 * consent, opt-outs, a milestone not yet overtaken), renders it in the shopper's language and hands it to the
 * channel. A transient failure returns it to pending and throws, so the job retries with backoff; the last
 * attempt's failure, and any permanent one, is recorded as failed with the reason.
 */
const ORDER_MISSING = "order_missing";
const WAITING_FOR_ORDER = "waiting for the order to arrive";

export async function deliverMessage(db: Db, shop: string, messageId: string, options: DeliverOptions): Promise<DeliveryResult> {
  const now = options.now ?? new Date();
  const claim = await claimMessage(db, shop, messageId, now);
  if (!claim.claimed) return "skipped";
  const message = claim.message;
  let prepared: Prepared;
  try {
    prepared = await prepare(db, message, options.channels, now);
  } catch (error) {
    // Nothing left the building: the message can safely be tried again.
    await releaseForRetry(db, message, `preparing failed: ${(error as Error).message}`.slice(0, 500));
    throw error;
  }
  if ("suppress" in prepared && prepared.suppress === ORDER_MISSING && options.attempt < options.maxAttempts) {
    // A fulfillment's webhook can overtake its order's: wait for the order while retries remain.
    await releaseForRetry(db, message, WAITING_FOR_ORDER);
    throw new DeliveryError(WAITING_FOR_ORDER, true);
  }
  if ("suppress" in prepared) {
    await markSuppressed(db, message, prepared.suppress);
    return "suppressed";
  }
  if ("fail" in prepared) {
    await markFailed(db, message, prepared.fail);
    return "failed";
  }
  try {
    const { providerMessageId } = await prepared.send();
    await markSent(db, message, { providerMessageId, subject: prepared.subject, locale: prepared.locale, recipientHash: prepared.recipientHash }, now);
    return "sent";
  } catch (error) {
    const failure = error instanceof DeliveryError ? error : new DeliveryError(`${(error as Error).name}: ${(error as Error).message}`, false, { cause: error });
    if (failure.retryable && options.attempt < options.maxAttempts) {
      await releaseForRetry(db, message, failure.reason);
      throw failure;
    }
    await markFailed(db, message, failure.reason);
    return "failed";
  }
}

async function prepare(db: Db, message: NotificationMessage, channels: NotificationChannels, now: Date): Promise<Prepared> {
  const trigger = TRIGGERS.find((known) => known === message.trigger);
  const channel = message.channel as Channel;
  if (!trigger) return { fail: `unknown trigger "${message.trigger}"` };
  if (channel === "email" ? !channels.email : !channels.sms) return { suppress: "channel_not_configured" };

  const facts = await loadOrderFacts(db, message.shop, message.orderId, message.shipmentId ? [message.shipmentId] : []);
  if (!facts) return { suppress: ORDER_MISSING };
  const exceptionKind = trigger === EXCEPTION_TRIGGER ? await openExceptionKindOf(db, message.shop, message.dedupeKey) : undefined;
  if (exceptionKind === null) return { suppress: "superseded" };
  const returnMilestone = trigger === RETURN_TRIGGER ? returnMilestoneOfKey(message.dedupeKey) : undefined;
  if (returnMilestone === null) return { fail: `no return milestone in key "${message.dedupeKey}"` };
  const overtaken = staleness(trigger, message, facts) ?? (trigger === FOLLOW_UP_TRIGGER ? await returnStarted(db, message) : null);
  if (overtaken) return { suppress: overtaken };
  const recipient = recipientFor(channel, facts.contact);
  if ("reason" in recipient) return { suppress: recipient.reason };
  const hash = addressHash(channel, recipient.address);
  const context = await loadSendContext(db, message.shop, { trigger, channel, shippingCountry: facts.order.shippingCountry, addressHash: hash });
  if (context.addressSuppressed) return { suppress: "unsubscribed" };

  const parcels = await parcelsFor(db, trigger, message, facts);
  const shopName = context.settings.notifications.senderName ?? context.shopName ?? message.shop;
  const locale = chooseMessageLocale({ orderLocale: facts.order.locale, customerLocale: facts.customerLocale, shopDefault: context.settings.locale.defaultLocale });
  const tracking = await trackingPageLink(message.shop, message.orderId, { now });
  const overrides = context.overridesFor(locale);

  if (channel === "sms") {
    const values = placeholderValues({
      exceptionKind,
      returnMilestone,
      shopName,
      locale,
      timeZone: context.timeZone,
      order: { name: facts.order.name, firstName: facts.order.customerFirstName },
      parcels,
      trackingUrl: tracking,
    });
    const body = smsBody({ trigger, locale, values, override: overrides.sms });
    const statusCallback = new URL(SMS_STATUS_CALLBACK_PATH, env().SHOPIFY_APP_URL).href;
    return { send: () => channels.sms!.send({ to: recipient.address, body, statusCallback }), subject: null, locale, recipientHash: hash };
  }
  const target = { shop: message.shop, messageId: message.id };
  const shown = parcels.map((shipment) => ({ id: shipment.id, status: currentStatus(shipment), statusAt: shipment.statusAt, shippedAt: shipment.shippedAt }));
  const promises = await promisesForMessage(db, message.shop, facts.order, shown, now);
  const emailFacts: MessageFacts = {
    trigger,
    locale,
    exceptionKind,
    returnMilestone,
    overrides,
    timeZone: context.timeZone,
    shopName,
    branding: context.settings.branding,
    order: { name: facts.order.name, firstName: facts.order.customerFirstName },
    parcels: parcels.map((shipment, index) => ({
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      estimatedDeliveryAt: shipment.estimatedDeliveryAt,
      promise: promiseToShow(promises, shown[index]!),
    })),
    orderPromise: parcels.length ? null : promiseToShow(promises, null),
    items: facts.items,
    links: {
      tracking: await clickUrl({ ...target, url: tracking }, now),
      unsubscribe: await unsubscribeUrl({ ...target, channel, addressHash: hash }, now),
      openPixel: await openPixelUrl(target, now),
    },
  };
  let rendered;
  try {
    rendered = await renderEmail(emailFacts);
  } catch (error) {
    if (error instanceof EmailTemplateError) return { fail: `template: ${error.message}`.slice(0, 500) };
    throw error;
  }
  const email = channels.email!;
  const replyTo = context.settings.notifications.replyToEmail ?? context.shopEmail;
  return {
    subject: rendered.subject,
    locale,
    recipientHash: hash,
    send: () =>
      email.sender.send({
        from: { name: shopName, address: email.fromAddress },
        to: recipient.address,
        replyTo,
        ...rendered,
        messageId: emailMessageId(message.shop, message.dedupeKey, new URL(env().SHOPIFY_APP_URL).hostname),
        unsubscribeUrl: emailFacts.links.unsubscribe,
      }),
  };
}

/** Why the moment of a message has passed, if it has: a cancelled order, a parcel whose milestone was overtaken. */
function staleness(trigger: Trigger, message: NotificationMessage, facts: OrderFacts): SuppressionReason | null {
  // A return's news (a refund above all) stays true whatever happened to the order.
  if (trigger === RETURN_TRIGGER) return null;
  if (facts.order.cancelledAt) return "order_cancelled";
  if (!message.shipmentId) return null;
  // An exception notice is current while its flag is open (checked by the caller), whatever the parcel's status.
  if (trigger === EXCEPTION_TRIGGER) return facts.shipments[0] ? null : "superseded";
  const shipment = facts.shipments[0];
  // A shipment that vanished was replaced by a corrected tracking number: its news is no longer true.
  if (!shipment) return "superseded";
  const milestone = SHIPMENT_MILESTONES.find((known) => known === trigger) as ShipmentMilestone;
  return milestoneStillCurrent(milestone, currentStatus(shipment)) ? null : "superseded";
}

async function parcelsFor(db: Db, trigger: Trigger, message: NotificationMessage, facts: OrderFacts) {
  if (!message.shipmentId) return [];
  // Flags are per parcel and per kind: each notice speaks for its own parcel.
  if (trigger === EXCEPTION_TRIGGER) return facts.shipments;
  const absorbed = await absorbSiblings(db, message);
  const shipmentIds = [message.shipmentId, ...absorbed];
  const named = absorbed.length ? (await loadOrderFacts(db, message.shop, message.orderId, shipmentIds))?.shipments ?? facts.shipments : facts.shipments;
  if (trigger === "shipped") return (await fulfillmentShipments(db, message.shop, message.orderId, named)).filter((shipment) => currentStatus(shipment) !== "cancelled");
  return named.filter((shipment) => milestoneStillCurrent(trigger as ShipmentMilestone, currentStatus(shipment)));
}

/** A follow-up is not sent once the shopper started a return of the order (notifyReturnUpdate recorded one). */
async function returnStarted(db: Db, message: NotificationMessage): Promise<SuppressionReason | null> {
  const returns = await db.notificationMessage.count({ where: { shop: message.shop, orderId: message.orderId, trigger: RETURN_TRIGGER } });
  return returns ? "return_started" : null;
}
