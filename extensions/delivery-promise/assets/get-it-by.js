/* global URLSearchParams, fetch, document */
// "Get it by …" for the theme app extension. Loaded as a module by blocks/get-it-by.liquid: finds every
// [data-aftercare-edd] element, asks the app proxy for the promise to the shopper's country and fills it in.
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

/** Fills one element from its data attributes, and again when the shopper picks another variant. */
export async function mount(element, fetchImpl = fetch) {
  const { endpoint, country, region, label, locale } = element.dataset;
  if (!endpoint || !country) return;
  const show = async (variant) => {
    const estimate = await loadPromise(fetchImpl, promiseUrl(endpoint, { country, region, variant }));
    if (!estimate) {
      element.hidden = true;
      return;
    }
    const { line, title } = promiseLine(label || "Get it by", estimate, locale);
    element.textContent = line;
    element.title = title;
    element.hidden = false;
  };
  await show(element.dataset.variant);
  const form = element.closest("form") || document.querySelector('form[action*="/cart/add"]');
  const picker = form && form.querySelector('[name="id"]');
  if (picker) picker.addEventListener("change", () => show(picker.value));
}

if (typeof document !== "undefined") {
  for (const element of document.querySelectorAll("[data-aftercare-edd]")) mount(element);
}
