/* global URLSearchParams, fetch, document, window, setTimeout */
// "Get it by …" for the theme app extension. Loaded as a module by blocks/get-it-by.liquid: finds every
// [data-aftercare-edd] element, asks the app proxy for the promise to the shopper's country for the selected
// variant and fills it in, again whenever the shopper picks another variant (none for a sold-out one).
// No framework, no storefront script beyond this file; an error leaves the element hidden.

/** The promise as one line: "Get it by Thursday, 3 December", or "Get it 1 – 3 December" style ranges are left to the title. */
export function promiseLine(label, estimate, locale) {
  const day = (iso) => new Intl.DateTimeFormat(locale || "en", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));
  const line = `${label} ${day(estimate.promisedDate)}`;
  const title = estimate.earliestDate < estimate.promisedDate ? `${day(estimate.earliestDate)} – ${day(estimate.promisedDate)}` : day(estimate.promisedDate);
  return { line, title };
}

/** The app proxy URL for a destination (and variant, when the page has one). */
export function promiseUrl(endpoint, { country, region, variant }) {
  const params = new URLSearchParams({ country });
  if (region) params.set("region", region);
  if (variant) params.set("variant", variant);
  return `${endpoint}?${params}`;
}

/** Asks the app; null when it has no promise for the destination or cannot answer. */
export async function loadPromise(fetchImpl, url) {
  try {
    const response = await fetchImpl(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (!response.ok) return null;
    const body = await response.json();
    const estimate = body && body.estimate;
    const isDate = (value) => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
    return estimate && isDate(estimate.promisedDate) && isDate(estimate.earliestDate) ? estimate : null;
  } catch {
    return null;
  }
}

/** The variant the page shows now: the product form's selected id, else the URL's ?variant= (themes keep both). */
export function currentVariant(form, location) {
  const picker = form && form.querySelector('[name="id"]');
  if (picker && picker.value) return String(picker.value);
  const fromUrl = location && new URLSearchParams(location.search).get("variant");
  return fromUrl || null;
}

/** Whether to promise a date for the variant: not for one that is sold out (it cannot ship today). */
export function promisable(variant, soldOut) {
  return !variant || !soldOut.includes(String(variant));
}

// Themes announce a variant change differently: a change event on the form (Dawn and most), one of these events
// on the document (newer themes), or only the URL (back/forward). Each is checked a tick later, when the theme
// has updated the form and the URL.
const VARIANT_EVENTS = ["variant:change", "variant:changed", "variant:update"];

/** Calls `onChange` with the new variant whenever the shopper picks another one. */
export function watchVariant({ form, doc, win, initial }, onChange) {
  let last = initial || null;
  const check = () =>
    setTimeout(() => {
      const variant = currentVariant(form, win.location);
      if (variant && variant !== last) {
        last = variant;
        onChange(variant);
      }
    }, 0);
  if (form) form.addEventListener("change", check);
  for (const name of VARIANT_EVENTS) doc.addEventListener(name, check);
  win.addEventListener("popstate", check);
}

/** Fills one element from its data attributes, and again when the shopper picks another variant. */
export async function mount(element, fetchImpl = fetch, doc = document, win = window) {
  const { endpoint, country, region, label, locale } = element.dataset;
  if (!endpoint || !country) return;
  const soldOut = (element.dataset.soldOut || "").split(",").filter(Boolean);
  let asked = 0;
  const show = async (variant) => {
    const ask = ++asked;
    const estimate = promisable(variant, soldOut) ? await loadPromise(fetchImpl, promiseUrl(endpoint, { country, region, variant })) : null;
    // A slower answer for a variant the shopper already left must not overwrite the newer one.
    if (ask !== asked) return;
    if (!estimate) {
      element.hidden = true;
      return;
    }
    const { line, title } = promiseLine(label || "Get it by", estimate, locale);
    element.textContent = line;
    element.title = title;
    element.hidden = false;
  };
  const form = element.closest("form") || doc.querySelector('form[action*="/cart/add"]');
  const initial = currentVariant(form, win.location) || element.dataset.variant;
  watchVariant({ form, doc, win, initial }, show);
  await show(initial);
}

if (typeof document !== "undefined") {
  for (const element of document.querySelectorAll("[data-aftercare-edd]")) mount(element);
}
