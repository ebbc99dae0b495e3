import { type Offer } from "./offer-schema";

/**
 * The admin editor's form ↔ the offer document. Plain fields for everything a merchant sets often, JSON for
 * the targeting rule tree and the A/B arms; the offer schema validates the result, and its messages are
 * mapped back onto the form field that caused them.
 */

export const FORM_FIELDS = [
  "id", "name", "status", "surfaces", "priority", "productKind", "productId", "variantId", "excludeProductIds", "quantity",
  "discountKind", "discountValue", "maxDiscount", "shippingFee", "replenishable", "maxPerCustomer", "maxAccepts",
  "discountBudget", "startsAt", "endsAt", "timeZone", "copyTitle", "copyBody", "discountTitle", "targeting", "arms",
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export type OfferFormValues = Record<Exclude<FormField, "surfaces">, string> & { surfaces: string[] };

export interface ParsedForm {
  document: Record<string, unknown>;
  /** Problems found before the schema ran (JSON that does not parse). */
  fieldErrors: Record<string, string[]>;
}

const text = (value: string | undefined) => {
  const trimmed = (value ?? "").trim();
  return trimmed === "" ? undefined : trimmed;
};
/** A whole number as a number; anything else as typed, so the schema names the field. */
const integer = (value: string | undefined) => {
  const trimmed = text(value);
  return trimmed !== undefined && /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
};
const withoutUndefined = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));

/** The offer document the form describes. */
export function documentFromForm(values: Partial<OfferFormValues>): ParsedForm {
  const fieldErrors: Record<string, string[]> = {};
  const json = (field: "targeting" | "arms", fallback: unknown) => {
    const raw = text(values[field]);
    if (raw === undefined) return fallback;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      fieldErrors[field] = ["must be valid JSON"];
      return fallback;
    }
  };
  const discountKind = text(values.discountKind) ?? "none";
  const discountValue = text(values.discountValue);
  const discount =
    discountKind === "percentage" ? { kind: discountKind, percent: discountValue } : discountKind === "fixed_amount" ? { kind: discountKind, amount: discountValue } : { kind: discountKind };
  const product =
    text(values.productKind) === "recommended"
      ? { kind: "recommended", excludeProductIds: (values.excludeProductIds ?? "").split(/[\s,]+/).filter(Boolean) }
      : { kind: "fixed", productId: text(values.productId), variantId: text(values.variantId) };
  const copyTitle = text(values.copyTitle);
  const document = withoutUndefined({
    id: text(values.id),
    name: text(values.name),
    status: text(values.status),
    surfaces: values.surfaces ?? [],
    priority: integer(values.priority),
    targeting: json("targeting", { all: [] }),
    product,
    quantity: integer(values.quantity),
    discount,
    maxDiscount: text(values.maxDiscount),
    shippingFee: text(values.shippingFee),
    replenishable: values.replenishable === "on" || values.replenishable === "true",
    limits: withoutUndefined({ maxPerCustomer: integer(values.maxPerCustomer), maxAccepts: integer(values.maxAccepts), discountBudget: text(values.discountBudget) }),
    schedule: withoutUndefined({ startsAt: text(values.startsAt), endsAt: text(values.endsAt), timeZone: text(values.timeZone) }),
    arms: json("arms", []),
    copy: copyTitle || text(values.copyBody) || text(values.discountTitle) ? withoutUndefined({ title: copyTitle, body: text(values.copyBody), discountTitle: text(values.discountTitle) }) : undefined,
  });
  return { document, fieldErrors };
}

/** The form's values for an offer (the editor's initial state). */
export function formFromOffer(offer: Offer | null): OfferFormValues {
  const discountValue = offer?.discount.kind === "percentage" ? offer.discount.percent : offer?.discount.kind === "fixed_amount" ? offer.discount.amount : "";
  const str = (value: string | number | undefined) => (value === undefined ? "" : String(value));
  return {
    id: offer?.id ?? "",
    name: offer?.name ?? "",
    status: offer?.status ?? "paused",
    surfaces: offer ? [...offer.surfaces] : ["post_purchase", "thank_you"],
    priority: str(offer?.priority ?? 0),
    productKind: offer?.product.kind ?? "fixed",
    productId: offer?.product.kind === "fixed" ? offer.product.productId : "",
    variantId: offer?.product.kind === "fixed" ? offer.product.variantId : "",
    excludeProductIds: offer?.product.kind === "recommended" ? offer.product.excludeProductIds.join(", ") : "",
    quantity: str(offer?.quantity ?? 1),
    discountKind: offer?.discount.kind ?? "percentage",
    discountValue: offer ? discountValue : "10",
    maxDiscount: str(offer?.maxDiscount),
    shippingFee: str(offer?.shippingFee),
    replenishable: offer?.replenishable ? "true" : "",
    maxPerCustomer: str(offer?.limits.maxPerCustomer),
    maxAccepts: str(offer?.limits.maxAccepts),
    discountBudget: str(offer?.limits.discountBudget),
    startsAt: str(offer?.schedule.startsAt),
    endsAt: str(offer?.schedule.endsAt),
    timeZone: offer?.schedule.timeZone ?? "UTC",
    copyTitle: str(offer?.copy?.title),
    copyBody: str(offer?.copy?.body),
    discountTitle: str(offer?.copy?.discountTitle),
    targeting: JSON.stringify(offer?.targeting ?? { all: [] }, null, 2),
    arms: JSON.stringify(offer?.arms ?? [], null, 2),
  };
}

/** The form field a schema error path belongs to ("product.variantId" → variantId, "arms.0.weight" → arms). */
export function formFieldOf(path: string): FormField | "_" {
  const [head = "", next = ""] = path.split(".");
  switch (head) {
    case "product":
      return next === "excludeProductIds" ? "excludeProductIds" : next === "productId" ? "productId" : next === "variantId" ? "variantId" : "productKind";
    case "discount":
      return next === "kind" ? "discountKind" : "discountValue";
    case "limits":
      return (FORM_FIELDS as readonly string[]).includes(next) ? (next as FormField) : "_";
    case "schedule":
      return (FORM_FIELDS as readonly string[]).includes(next) ? (next as FormField) : "_";
    case "copy":
      return next === "body" ? "copyBody" : next === "discountTitle" ? "discountTitle" : "copyTitle";
    case "targeting":
    case "arms":
      return head;
    default:
      return (FORM_FIELDS as readonly string[]).includes(head) ? (head as FormField) : "_";
  }
}

/** Schema messages keyed by form field; nested paths keep their detail ("arms: 0.weight: …"). */
export function formErrorsOf(fieldErrors: Record<string, string[]>): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const field = formFieldOf(path);
    const detail = field === "targeting" || field === "arms" ? path.split(".").slice(1).join(".") : "";
    (byField[field] ??= []).push(...messages.map((message) => (detail ? `${detail}: ${message}` : message)));
  }
  return byField;
}
