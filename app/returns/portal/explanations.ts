import { Temporal } from "temporal-polyfill";
import type { PageLocale } from "~/tracking-page/messages";
import { explain } from "../explain";
import type { Explanation, ExplanationCode, ExplanationParams, FeeKind, FeeWaiverCause } from "../explanation";
import type { Money } from "../money";
import type { WindowBasis } from "../policy-schema";
import { methodKey, outcomeKey, portalTranslator, reasonKey } from "./messages";

/**
 * The engine's explanations as the shopper reads them in the portal's other languages (German, French,
 * Spanish), keyed by the same codes as explain.ts; English is explain.ts itself, so the two never drift.
 */

interface Format {
  date: (day: string) => string;
  money: (value: Money) => string;
  or: (values: readonly string[]) => string;
  and: (values: readonly string[]) => string;
  reason: (reason: ExplanationParams["needs_photo"]["reason"]) => string;
  outcome: (outcome: ExplanationParams["outcome_not_allowed"]["outcome"]) => string;
  method: (method: ExplanationParams["method_not_offered"]["method"]) => string;
}

type Catalogue = { [Code in ExplanationCode]: (params: ExplanationParams[Code], format: Format) => string };

interface Words {
  basis: Record<WindowBasis, string>;
  /** "delivery date unknown", for a window counted from an earlier date. */
  unknownDate: Record<WindowBasis, string>;
  fee: Record<FeeKind, string>;
  waiver: Record<FeeWaiverCause, string>;
}

const quote = (locale: PageLocale, text: string) => (locale === "de" ? `„${text}“` : locale === "fr" ? `« ${text} »` : `“${text}”`);

/** An explanation in the shopper's language, dates in the shop's time zone. */
export function shopperExplanation(item: Explanation, locale: PageLocale, context: { timeZone: string; now: Date }): string {
  if (locale === "en") return explain(item, { audience: "shopper", ...context });
  const catalogue = CATALOGUES[locale];
  const message = catalogue[item.code] as (params: unknown, format: Format) => string;
  return message(item.params, formatFor(locale, context));
}

function formatFor(locale: PageLocale, { timeZone, now }: { timeZone: string; now: Date }): Format {
  const currentYear = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).year;
  const t = portalTranslator(locale);
  return {
    date: (day) => {
      const date = Temporal.PlainDate.from(day);
      const options: Intl.DateTimeFormatOptions = { day: "numeric", month: "long", timeZone: "UTC", ...(date.year === currentYear ? {} : { year: "numeric" }) };
      return new Intl.DateTimeFormat(locale, options).format(Date.UTC(date.year, date.month - 1, date.day));
    },
    money: ({ amount, currency }) => new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount as Intl.StringNumericLiteral),
    or: (values) => new Intl.ListFormat(locale, { type: "disjunction" }).format(values),
    and: (values) => new Intl.ListFormat(locale, { type: "conjunction" }).format(values),
    reason: (reason) => quote(locale, t(reasonKey(reason))),
    outcome: (outcome) => t(outcomeKey(outcome)),
    method: (method) => t(methodKey(method)),
  };
}

/** A language's catalogue: its words for bases, fees and waivers, and a message per code. */
function catalogue(words: Words, texts: (w: Words) => Catalogue): Catalogue {
  return texts(words);
}

const de = catalogue(
  {
    basis: { delivered: "Zustellung", fulfilled: "Versand", ordered: "Bestellung" },
    unknownDate: { delivered: "Zustelldatum unbekannt", fulfilled: "Versanddatum unbekannt", ordered: "Bestelldatum unbekannt" },
    fee: { restocking: "Wiedereinlagerungsgebühr", handling: "Bearbeitungsgebühr", return_shipping: "Rückversand" },
    waiver: { reason: "für diesen Rückgabegrund", exchange: "bei Umtausch", keep_it: "da du den Artikel behältst" },
  },
  (w) => {
    const window = (p: ExplanationParams["returnable_until"], f: Format) =>
      `${p.days} Tage nach ${w.basis[p.basis]} am ${f.date(p.basisDate)}${p.fellBackFrom ? `; ${w.unknownDate[p.fellBackFrom]}` : ""}`;
    const fee = (kind: FeeKind, title: string | null) => (title ? `${w.fee[kind]} für ${title}` : w.fee[kind]);
    return {
      returnable_until: (p, f) => `Rückgabe möglich bis ${f.date(p.lastDay)} (${window(p, f)})`,
      window_closed: (p, f) => `Die Rückgabefrist endete am ${f.date(p.lastDay)} (${window(p, f)})`,
      awaiting_basis_date: (p) => (p.basis === "delivered" ? "Rückgaben sind möglich, sobald deine Bestellung zugestellt ist" : "Rückgaben sind möglich, sobald dieser Artikel versandt ist"),
      returns_disabled: () => "Rücksendungen können für diesen Shop nicht online angefragt werden — bitte kontaktiere uns",
      final_sale: () => "Endverkauf — dieser Artikel kann nicht zurückgegeben werden",
      not_returnable: () => "Dieser Artikel kann nicht zurückgegeben werden",
      no_outcome_offered: () => "Dieser Artikel kann nicht zurückgegeben werden",
      not_fulfilled: () => "Dieser Artikel wurde noch nicht versandt — kontaktiere uns, wenn du ihn stornieren möchtest",
      already_returned: () => "Bereits zurückgegeben",
      quantity_exceeds: (p) => `Du kannst bis zu ${p.returnable} von ${p.title} zurückgeben`,
      unknown_item: () => "Dieser Artikel gehört nicht zu deiner Bestellung",
      reason_not_offered: (p, f) => `${f.reason(p.reason)} wird als Rückgabegrund nicht akzeptiert — bitte wähle einen anderen`,
      needs_photo: (p, f) => `Bitte füge ${p.minPhotos === 1 ? "ein Foto" : `${p.minPhotos} Fotos`} von ${p.title} hinzu — nötig beim Grund ${f.reason(p.reason)}`,
      needs_note: (p, f) => `Bitte erzähl uns mehr über ${p.title} (mindestens ${p.minLength} Zeichen) — nötig beim Grund ${f.reason(p.reason)}`,
      exchange_only: (p) => `${p.title} kann umgetauscht, aber nicht erstattet werden`,
      store_credit_only: (p) => `${p.title} kann nur gegen Guthaben zurückgegeben werden`,
      exchange_or_store_credit_only: (p) => `${p.title} kann umgetauscht oder gegen Guthaben zurückgegeben werden`,
      keep_it: (p) => `Behalte ${p.title} — du musst es nicht zurückschicken`,
      restocking_fee: (p, f) => `Wiedereinlagerungsgebühr für ${p.title}: ${f.money(p.fee)}${p.percent === null ? "" : ` (${p.percent} %)`}`,
      handling_fee: (p, f) => `Bearbeitungsgebühr für ${p.title}: ${f.money(p.fee)}`,
      return_shipping_fee: (p, f) => `Rückversand${p.method ? ` (${f.method(p.method)})` : ""}: ${f.money(p.fee)}`,
      fee_waived: (p, f) => `${fee(p.fee, p.title)} entfällt ${p.because === "reason" && p.reason ? `beim Grund ${f.reason(p.reason)}` : w.waiver[p.because]} (spart ${f.money(p.amount)})`,
      fee_capped: (p, f) => `${fee(p.fee, p.title)} von ${f.money(p.amount)} auf ${f.money(p.cappedTo)} reduziert: Gebühren übersteigen nie den Wert der Artikel`,
      store_credit_bonus: (p, f) => `Guthaben erhält ${p.percent} % Bonus: ${f.money(p.bonus)} zusätzlich`,
      exchange_bonus: (p, f) => `Umtausch erhält ${p.percent} % Bonus: ${f.money(p.bonus)} zusätzlich`,
      exchange_difference_due: (p, f) => `Die neuen Artikel kosten ${f.money(p.amount)} mehr als deine Rücksendung — du zahlst die Differenz`,
      exchange_costs_more: (p, f) => `Die neuen Artikel kosten ${f.money(p.amount)} mehr als deine Rücksendung — bitte wähle Artikel mit gleichem oder geringerem Wert`,
      exchange_difference_refunded: (p, f) => `Die neuen Artikel kosten weniger: ${f.money(p.amount)} gehen auf die ursprüngliche Zahlung zurück`,
      exchange_difference_credited: (p, f) => `Die neuen Artikel kosten weniger: ${f.money(p.amount)} werden als Guthaben gutgeschrieben`,
      exchange_difference_forfeited: (p, f) => `Die neuen Artikel kosten ${f.money(p.amount)} weniger; die Differenz wird nicht erstattet`,
      exchange_product_not_allowed: (p) => `${p.title} ist als Umtausch nicht verfügbar — wähle eine andere Größe oder Farbe des Artikels, den du zurückgibst`,
      outcome_not_allowed: (p, f) => `${f.outcome(p.outcome)} ist für diese Artikel nicht möglich — wähle ${f.or(p.allowed.map(f.outcome))}`,
      outcomes_conflict: (p, f) => `${f.and(p.titles)} können nicht zusammen zurückgegeben werden — bitte sende sie in getrennten Anfragen zurück`,
      method_required: () => "Wähle, wie du die Artikel zurücksendest",
      method_not_offered: (p, f) => `${f.method(p.method)} ist nicht verfügbar — wähle einen anderen Rückversand`,
      auto_approved: () => "Deine Rücksendung ist genehmigt",
      needs_review: () => "Wir prüfen deine Anfrage und melden uns bei dir",
    };
  },
);

const fr = catalogue(
  {
    basis: { delivered: "la livraison", fulfilled: "l'expédition", ordered: "la commande" },
    unknownDate: { delivered: "date de livraison inconnue", fulfilled: "date d'expédition inconnue", ordered: "date de commande inconnue" },
    fee: { restocking: "Frais de remise en stock", handling: "Frais de traitement", return_shipping: "Frais de retour" },
    waiver: { reason: "pour ce motif", exchange: "pour les échanges", keep_it: "car vous gardez l'article" },
  },
  (w) => {
    const window = (p: ExplanationParams["returnable_until"], f: Format) =>
      `${p.days} jours après ${w.basis[p.basis]} le ${f.date(p.basisDate)}${p.fellBackFrom ? ` ; ${w.unknownDate[p.fellBackFrom]}` : ""}`;
    const fee = (kind: FeeKind, title: string | null) => (title ? `${w.fee[kind]} pour ${title}` : w.fee[kind]);
    return {
      returnable_until: (p, f) => `Retour possible jusqu'au ${f.date(p.lastDay)} (${window(p, f)})`,
      window_closed: (p, f) => `Le délai de retour a pris fin le ${f.date(p.lastDay)} (${window(p, f)})`,
      awaiting_basis_date: (p) => (p.basis === "delivered" ? "Les retours seront possibles une fois votre commande livrée" : "Les retours seront possibles une fois cet article expédié"),
      returns_disabled: () => "Les retours ne peuvent pas être demandés en ligne pour cette boutique — contactez-nous",
      final_sale: () => "Vente finale — cet article ne peut pas être retourné",
      not_returnable: () => "Cet article ne peut pas être retourné",
      no_outcome_offered: () => "Cet article ne peut pas être retourné",
      not_fulfilled: () => "Cet article n'a pas encore été expédié — contactez-nous pour l'annuler",
      already_returned: () => "Déjà retourné",
      quantity_exceeds: (p) => `Vous pouvez retourner jusqu'à ${p.returnable} × ${p.title}`,
      unknown_item: () => "Cet article ne fait pas partie de votre commande",
      reason_not_offered: (p, f) => `${f.reason(p.reason)} n'est pas accepté comme motif de retour — choisissez-en un autre`,
      needs_photo: (p, f) => `Ajoutez ${p.minPhotos === 1 ? "une photo" : `${p.minPhotos} photos`} de ${p.title} — requis pour le motif ${f.reason(p.reason)}`,
      needs_note: (p, f) => `Dites-nous-en plus sur ${p.title} (au moins ${p.minLength} caractères) — requis pour le motif ${f.reason(p.reason)}`,
      exchange_only: (p) => `${p.title} peut être échangé, pas remboursé`,
      store_credit_only: (p) => `${p.title} peut être retourné uniquement contre un avoir`,
      exchange_or_store_credit_only: (p) => `${p.title} peut être échangé ou retourné contre un avoir`,
      keep_it: (p) => `Gardez ${p.title} — inutile de le renvoyer`,
      restocking_fee: (p, f) => `Frais de remise en stock pour ${p.title} : ${f.money(p.fee)}${p.percent === null ? "" : ` (${p.percent} %)`}`,
      handling_fee: (p, f) => `Frais de traitement pour ${p.title} : ${f.money(p.fee)}`,
      return_shipping_fee: (p, f) => `Frais de retour${p.method ? ` (${f.method(p.method)})` : ""} : ${f.money(p.fee)}`,
      fee_waived: (p, f) => `${fee(p.fee, p.title)} offerts ${p.because === "reason" && p.reason ? `pour le motif ${f.reason(p.reason)}` : w.waiver[p.because]} (économie de ${f.money(p.amount)})`,
      fee_capped: (p, f) => `${fee(p.fee, p.title)} ramenés de ${f.money(p.amount)} à ${f.money(p.cappedTo)} : les frais ne dépassent jamais la valeur des articles`,
      store_credit_bonus: (p, f) => `L'avoir bénéficie d'un bonus de ${p.percent} % : ${f.money(p.bonus)} en plus`,
      exchange_bonus: (p, f) => `Les échanges bénéficient d'un bonus de ${p.percent} % : ${f.money(p.bonus)} en plus`,
      exchange_difference_due: (p, f) => `Les nouveaux articles coûtent ${f.money(p.amount)} de plus que votre retour — vous payez la différence`,
      exchange_costs_more: (p, f) => `Les nouveaux articles coûtent ${f.money(p.amount)} de plus que votre retour — choisissez des articles de valeur égale ou inférieure`,
      exchange_difference_refunded: (p, f) => `Les nouveaux articles coûtent moins cher : ${f.money(p.amount)} sont remboursés sur le paiement d'origine`,
      exchange_difference_credited: (p, f) => `Les nouveaux articles coûtent moins cher : ${f.money(p.amount)} sont ajoutés en avoir`,
      exchange_difference_forfeited: (p, f) => `Les nouveaux articles coûtent ${f.money(p.amount)} de moins ; la différence n'est pas remboursée`,
      exchange_product_not_allowed: (p) => `${p.title} n'est pas disponible en échange — choisissez une autre taille ou couleur de l'article retourné`,
      outcome_not_allowed: (p, f) => `${f.outcome(p.outcome)} n'est pas possible pour ces articles — choisissez ${f.or(p.allowed.map(f.outcome))}`,
      outcomes_conflict: (p, f) => `${f.and(p.titles)} ne peuvent pas être retournés ensemble — faites des demandes séparées`,
      method_required: () => "Choisissez comment renvoyer les articles",
      method_not_offered: (p, f) => `${f.method(p.method)} n'est pas disponible — choisissez un autre mode de retour`,
      auto_approved: () => "Votre retour est approuvé",
      needs_review: () => "Nous examinons votre demande et revenons vers vous",
    };
  },
);

const es = catalogue(
  {
    basis: { delivered: "la entrega", fulfilled: "el envío", ordered: "el pedido" },
    unknownDate: { delivered: "fecha de entrega desconocida", fulfilled: "fecha de envío desconocida", ordered: "fecha del pedido desconocida" },
    fee: { restocking: "Cargo por reposición", handling: "Cargo de gestión", return_shipping: "Envío de la devolución" },
    waiver: { reason: "por este motivo", exchange: "en los cambios", keep_it: "porque te quedas el artículo" },
  },
  (w) => {
    const window = (p: ExplanationParams["returnable_until"], f: Format) =>
      `${p.days} días después de ${w.basis[p.basis]} el ${f.date(p.basisDate)}${p.fellBackFrom ? `; ${w.unknownDate[p.fellBackFrom]}` : ""}`;
    const fee = (kind: FeeKind, title: string | null) => (title ? `${w.fee[kind]} de ${title}` : w.fee[kind]);
    return {
      returnable_until: (p, f) => `Se puede devolver hasta el ${f.date(p.lastDay)} (${window(p, f)})`,
      window_closed: (p, f) => `El plazo de devolución terminó el ${f.date(p.lastDay)} (${window(p, f)})`,
      awaiting_basis_date: (p) => (p.basis === "delivered" ? "Podrás devolverlo cuando se entregue tu pedido" : "Podrás devolverlo cuando se envíe este artículo"),
      returns_disabled: () => "Esta tienda no acepta solicitudes de devolución en línea — contáctanos",
      final_sale: () => "Venta final — este artículo no se puede devolver",
      not_returnable: () => "Este artículo no se puede devolver",
      no_outcome_offered: () => "Este artículo no se puede devolver",
      not_fulfilled: () => "Este artículo aún no se ha enviado — contáctanos si quieres cancelarlo",
      already_returned: () => "Ya devuelto",
      quantity_exceeds: (p) => `Puedes devolver hasta ${p.returnable} de ${p.title}`,
      unknown_item: () => "Este artículo no forma parte de tu pedido",
      reason_not_offered: (p, f) => `${f.reason(p.reason)} no se acepta como motivo de devolución — elige otro`,
      needs_photo: (p, f) => `Añade ${p.minPhotos === 1 ? "una foto" : `${p.minPhotos} fotos`} de ${p.title} — necesario con el motivo ${f.reason(p.reason)}`,
      needs_note: (p, f) => `Cuéntanos más sobre ${p.title} (al menos ${p.minLength} caracteres) — necesario con el motivo ${f.reason(p.reason)}`,
      exchange_only: (p) => `${p.title} se puede cambiar, no reembolsar`,
      store_credit_only: (p) => `${p.title} solo se puede devolver a cambio de crédito en tienda`,
      exchange_or_store_credit_only: (p) => `${p.title} se puede cambiar o devolver a cambio de crédito en tienda`,
      keep_it: (p) => `Quédate con ${p.title} — no hace falta devolverlo`,
      restocking_fee: (p, f) => `Cargo por reposición de ${p.title}: ${f.money(p.fee)}${p.percent === null ? "" : ` (${p.percent} %)`}`,
      handling_fee: (p, f) => `Cargo de gestión de ${p.title}: ${f.money(p.fee)}`,
      return_shipping_fee: (p, f) => `Envío de la devolución${p.method ? ` (${f.method(p.method)})` : ""}: ${f.money(p.fee)}`,
      fee_waived: (p, f) => `${fee(p.fee, p.title)} sin coste ${p.because === "reason" && p.reason ? `con el motivo ${f.reason(p.reason)}` : w.waiver[p.because]} (ahorras ${f.money(p.amount)})`,
      fee_capped: (p, f) => `${fee(p.fee, p.title)} reducido de ${f.money(p.amount)} a ${f.money(p.cappedTo)}: los cargos nunca superan el valor de los artículos`,
      store_credit_bonus: (p, f) => `El crédito en tienda tiene un ${p.percent} % extra: ${f.money(p.bonus)} más`,
      exchange_bonus: (p, f) => `Los cambios tienen un ${p.percent} % extra: ${f.money(p.bonus)} más`,
      exchange_difference_due: (p, f) => `Los artículos nuevos cuestan ${f.money(p.amount)} más que tu devolución — pagarás la diferencia`,
      exchange_costs_more: (p, f) => `Los artículos nuevos cuestan ${f.money(p.amount)} más que tu devolución — elige artículos de igual o menor valor`,
      exchange_difference_refunded: (p, f) => `Los artículos nuevos cuestan menos: ${f.money(p.amount)} vuelven a tu método de pago original`,
      exchange_difference_credited: (p, f) => `Los artículos nuevos cuestan menos: ${f.money(p.amount)} se añaden como crédito en tienda`,
      exchange_difference_forfeited: (p, f) => `Los artículos nuevos cuestan ${f.money(p.amount)} menos; la diferencia no se reembolsa`,
      exchange_product_not_allowed: (p) => `${p.title} no está disponible para cambio — elige otra talla o color del artículo que devuelves`,
      outcome_not_allowed: (p, f) => `${f.outcome(p.outcome)} no está disponible para estos artículos — elige ${f.or(p.allowed.map(f.outcome))}`,
      outcomes_conflict: (p, f) => `${f.and(p.titles)} no se pueden devolver juntos — haz solicitudes separadas`,
      method_required: () => "Elige cómo enviarás los artículos",
      method_not_offered: (p, f) => `${f.method(p.method)} no está disponible — elige otra forma de envío`,
      auto_approved: () => "Tu devolución está aprobada",
      needs_review: () => "Revisaremos tu solicitud y te responderemos",
    };
  },
);

const CATALOGUES: Record<Exclude<PageLocale, "en">, Catalogue> = { de, fr, es };
