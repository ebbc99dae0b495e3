import { z } from "zod";
import { userErrorsSchema } from "~/shopify/user-errors";
import type { Db } from "~/db.server";
import { env } from "~/env.server";
import type { ExceptionAction } from "~/generated/sqlite/client";
import type { NotificationChannels } from "~/notifications/channels.server";
import { emailMessageId } from "~/notifications/message-id";
import { adminGraphql, throwIfUserErrors, type AdminGraphqlClient } from "~/shopify/admin-graphql.server";
import { parseEvidence } from "../evidence";
import { EXCEPTION_KINDS, type ExceptionKind } from "../kinds";
import { RESHIP_DRAFT_MUTATION, TAG_ORDER_MUTATION } from "./documents";
import type { ExceptionActionName } from "./kinds";
import { reshipDraftInput } from "./reship";
import type { ActionsByKind } from "./settings";
import { supportAlertEmail } from "./support-email";

/** What the actions reach out to; the job passes the shop's offline Admin client and the configured SMTP sender. */
export interface ActionServices {
  admin: (shop: string) => Promise<AdminGraphqlClient>;
  email: NotificationChannels["email"];
}

/** The action cannot be done as configured or with what we know (no parcel items, no support address): retrying cannot help. */
export class ActionNotPossibleError extends Error {
  override readonly name = "ActionNotPossibleError";
}

const tagsAddSchema = z.object({ tagsAdd: z.object({ node: z.object({ id: z.string() }).nullable(), userErrors: userErrorsSchema }).nullable() });
const draftOrderCreateSchema = z.object({
  draftOrderCreate: z.object({ draftOrder: z.object({ id: z.string(), name: z.string() }).nullable(), userErrors: userErrorsSchema }).nullable(),
});

interface Flag {
  id: string;
  kind: ExceptionKind;
  orderId: string;
  shipmentId: string | null;
  since: Date;
  evidence: Record<string, string | number | null>;
}

/** Does the action against Shopify or the mail server and returns what it produced (the tag, the draft's gid, the Message-ID). */
export async function performAction(db: Db, action: ExceptionAction, settings: { actions: ActionsByKind; supportEmail: string | null }, services: ActionServices): Promise<string> {
  const flag = await loadFlag(db, action.shop, action.exceptionId);
  const name = action.action as ExceptionActionName;
  if (name === "tag_order") return tagOrder(action.shop, flag, settings.actions[flag.kind].tag, services);
  if (name === "reship_draft") return createReshipDraft(db, action.shop, flag, services);
  if (name === "notify_support") return emailSupport(db, action, flag, settings.supportEmail, services);
  throw new ActionNotPossibleError(`unknown action "${action.action}"`);
}

async function tagOrder(shop: string, flag: Flag, tag: string, services: ActionServices): Promise<string> {
  const data = await adminGraphql(await services.admin(shop), TAG_ORDER_MUTATION, { id: flag.orderId, tags: [tag] }, tagsAddSchema);
  throwIfUserErrors(data.tagsAdd?.userErrors);
  return tag;
}

async function createReshipDraft(db: Db, shop: string, flag: Flag, services: ActionServices): Promise<string> {
  if (!flag.shipmentId) throw new ActionNotPossibleError("this exception is about an order without a parcel: nothing to reship");
  const shipment = await db.shipment.findFirst({ where: { shop, id: flag.shipmentId }, select: { trackingNumber: true, fulfillmentId: true } });
  const order = await db.order.findUnique({ where: { shop_id: { shop, id: flag.orderId } }, select: { name: true, customerId: true, email: true, currencyCode: true } });
  if (!shipment || !order) throw new ActionNotPossibleError("the order or parcel is no longer known");
  const parcelLines = await db.fulfillmentLineItem.findMany({ where: { shop, fulfillmentId: shipment.fulfillmentId }, orderBy: { lineItemId: "asc" } });
  const lineItems = await db.lineItem.findMany({
    where: { shop, id: { in: parcelLines.map((line) => line.lineItemId) } },
    select: { id: true, variantId: true, title: true, price: true },
  });
  const byId = new Map(lineItems.map((item) => [item.id, item]));
  const items = parcelLines.flatMap((line) => {
    const item = byId.get(line.lineItemId);
    return item && line.quantity > 0 ? [{ variantId: item.variantId, title: item.title, price: item.price, quantity: line.quantity }] : [];
  });
  if (!items.length) throw new ActionNotPossibleError("the parcel's items are not known, so there is nothing to put in a reship draft");
  const input = reshipDraftInput({
    exceptionId: flag.id,
    kind: flag.kind,
    orderName: order.name,
    trackingNumber: shipment.trackingNumber,
    customerId: order.customerId,
    email: order.email,
    currencyCode: order.currencyCode ?? "USD",
    items,
  });
  const data = await adminGraphql(await services.admin(shop), RESHIP_DRAFT_MUTATION, { input }, draftOrderCreateSchema);
  throwIfUserErrors(data.draftOrderCreate?.userErrors);
  const draft = data.draftOrderCreate?.draftOrder;
  if (!draft) throw new ActionNotPossibleError("Shopify created no draft order and reported no error");
  return `${draft.id} (${draft.name})`;
}

async function emailSupport(db: Db, action: ExceptionAction, flag: Flag, supportEmail: string | null, services: ActionServices): Promise<string> {
  if (!supportEmail) throw new ActionNotPossibleError("no support email address is set in the exception settings");
  if (!services.email) throw new ActionNotPossibleError("email is not configured (SMTP_URL and MAIL_FROM)");
  const shop = action.shop;
  const shopRow = await db.shop.findUnique({ where: { shop }, select: { name: true } });
  const order = await db.order.findUnique({ where: { shop_id: { shop, id: flag.orderId } }, select: { name: true } });
  const shipment = flag.shipmentId
    ? await db.shipment.findFirst({ where: { shop, id: flag.shipmentId }, select: { trackingNumber: true, carrier: true } })
    : null;
  const config = env();
  const email = supportAlertEmail({
    shopName: shopRow?.name ?? shop,
    kind: flag.kind,
    orderName: order?.name ?? flag.orderId,
    trackingNumber: shipment?.trackingNumber ?? null,
    carrier: shipment?.carrier ?? null,
    since: flag.since,
    evidence: flag.evidence,
    adminUrl: exceptionsAdminUrl(shop, config.SHOPIFY_API_KEY),
  });
  const messageId = emailMessageId(shop, `exception-action:${action.id}`, new URL(config.SHOPIFY_APP_URL).hostname);
  await services.email.sender.send({ from: { name: "Aftercare", address: services.email.fromAddress }, to: supportEmail, messageId, ...email });
  return messageId;
}

/** The exceptions page inside the Shopify admin (the embedded app's route). */
export function exceptionsAdminUrl(shop: string, apiKey: string): string {
  return `https://${shop}/admin/apps/${apiKey}/app/exceptions`;
}

async function loadFlag(db: Db, shop: string, exceptionId: string): Promise<Flag> {
  const row = await db.shipmentException.findFirst({ where: { shop, id: exceptionId } });
  const kind = EXCEPTION_KINDS.find((known) => known === row?.kind);
  if (!row || !kind) throw new ActionNotPossibleError(`exception ${exceptionId} is not known`);
  return { id: row.id, kind, orderId: row.orderId, shipmentId: row.shipmentId, since: row.since, evidence: parseEvidence(row.evidence) };
}
