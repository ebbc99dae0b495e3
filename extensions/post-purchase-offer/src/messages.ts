import de from "../locales/de.json";
import en from "../locales/en.default.json";
import es from "../locales/es.json";
import fr from "../locales/fr.json";

// Post-purchase extensions get no translation API, only the buyer's locale, so the strings ship in the bundle.
const CATALOGS: Record<string, Record<string, string>> = { en, de, fr, es };

export type Translate = (key: string, replacements?: Record<string, string | number>) => string;

/** The translator for a buyer locale ("de-CH" → German), English when the language is not offered. */
export function translator(locale: string): Translate {
  const catalog: Record<string, string> = CATALOGS[locale.toLowerCase().split(/[-_]/)[0] ?? "en"] ?? en;
  return (key, replacements = {}) => {
    const template = catalog[key] ?? CATALOGS.en?.[key] ?? key;
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(replacements[name] ?? ""));
  };
}
