import { placeholderValues } from "../email/template";
import type { Db } from "~/db.server";
import { env } from "~/env.server";
import { EXCEPTION_KINDS } from "~/exceptions/kinds";
import { trackingPageLink } from "~/tracking-page/signed-links.server";
import { loadNotificationContext } from "../context.server";
import { renderEmail } from "../email/render";
import type { MessageFacts } from "../message-facts";
import { EXCEPTION_TRIGGER, RETURN_TRIGGER } from "../milestones";
import { loadOrderFacts } from "../order-facts.server";
import { smsBody } from "../sms/body";
import type { TemplateOverrides } from "../templates/fields";
import { loadTemplateOverrides } from "../templates/templates.server";
import type { EmailPreview } from "./preview";
import type { PreviewQuery } from "./preview-input";
import { INERT_PIXEL, SAMPLE_ORDER } from "./sample-order";

/**
 * Renders a trigger's email in a language for the shop's most recent order (the sample order when it has none), as
 * the sender would: with the shop's saved template, or with `draft` (the editor's unsaved copy) when given.
 */
export async function previewEmail(
  db: Db,
  shop: string,
  query: PreviewQuery,
  now = new Date(),
  draft?: TemplateOverrides
): Promise<EmailPreview> {
  const latest = await db.order.findFirst({
    where: { shop, redactedAt: null },
    orderBy: [{ processedAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  const orderId = latest?.id ?? "sample";
  const context = await loadNotificationContext(db, shop, orderId);
  const shopRow = await db.shop.findUnique({
    where: { shop },
    select: { name: true },
  });
  const shopName =
    context.settings.notifications.senderName ?? shopRow?.name ?? shop;
  const real = latest ? await realOrder(db, shop, latest.id) : null;
  const facts: MessageFacts = {
    trigger: query.trigger,
    locale: query.locale,
    exceptionKind:
      query.trigger === EXCEPTION_TRIGGER ? EXCEPTION_KINDS[0] : undefined,
    returnMilestone: query.trigger === RETURN_TRIGGER ? "approved" : undefined,
    overrides:
      draft ??
      (await loadTemplateOverrides(db, shop, {
        trigger: query.trigger,
        locale: query.locale,
        channel: "email",
      })),
    timeZone: context.timeZone,
    shopName,
    branding: context.settings.branding,
    ...(real ?? SAMPLE_ORDER),
    links: {
      tracking: latest
        ? await trackingPageLink(shop, latest.id, { now })
        : new URL("/", env().SHOPIFY_APP_URL).href,
      unsubscribe: new URL("/", env().SHOPIFY_APP_URL).href,
      openPixel: INERT_PIXEL,
    },
  };
  return {
    email: await renderEmail(facts),
    orderName: real?.order.name ?? null,
    shopName,
  };
}

async function realOrder(
  db: Db,
  shop: string,
  orderId: string
): Promise<Pick<MessageFacts, "order" | "parcels" | "items"> | null> {
  const shipmentIds = (
    await db.shipment.findMany({
      where: { shop, orderId },
      select: { id: true },
      orderBy: { trackingNumber: "asc" },
    })
  ).map((row) => row.id);
  const facts = await loadOrderFacts(db, shop, orderId, shipmentIds);
  if (!facts) return null;
  return {
    order: { name: facts.order.name, firstName: facts.order.customerFirstName },
    parcels: facts.shipments.map((shipment) => ({
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      estimatedDeliveryAt: shipment.estimatedDeliveryAt,
    })),
    items: facts.items,
  };
}

/** Renders a trigger's SMS in a language for the shop's most recent order, with the saved template or `draft`. */
export async function previewSms(
  db: Db,
  shop: string,
  query: PreviewQuery,
  now = new Date(),
  draft?: TemplateOverrides
): Promise<{ body: string; orderName: string | null }> {
  const latest = await db.order.findFirst({
    where: { shop, redactedAt: null },
    orderBy: [{ processedAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, customerFirstName: true },
  });
  const context = await loadNotificationContext(db, shop, latest?.id ?? "sample");
  const shopRow = await db.shop.findUnique({ where: { shop }, select: { name: true } });
  const overrides =
    draft ?? (await loadTemplateOverrides(db, shop, {
      trigger: query.trigger,
      locale: query.locale,
      channel: "sms",
    }));
  const values = placeholderValues({
    shopName: context.settings.notifications.senderName ?? shopRow?.name ?? shop,
    locale: query.locale,
    timeZone: "UTC",
    order: {
      name: latest?.name ?? SAMPLE_ORDER.order.name,
      firstName: latest ? latest.customerFirstName : SAMPLE_ORDER.order.firstName,
    },
    parcels: [],
    trackingUrl: latest
      ? await trackingPageLink(shop, latest.id, { now })
      : new URL("/", env().SHOPIFY_APP_URL).href,
    returnMilestone: query.trigger === RETURN_TRIGGER ? "approved" : undefined,
  });
  const body = smsBody({ trigger: query.trigger, locale: query.locale, values, override: overrides.sms });
  return { body, orderName: latest?.name ?? null };
}
