import { AppProvider } from "@shopify/polaris";
import englishTranslations from "@shopify/polaris/locales/en.json" with { type: "json" };
import type { ReactNode } from "react";
import { PolarisLink } from "./PolarisLink";

/** Polaris with its English strings and Remix links; every page, embedded or not, renders inside it. */
export function PolarisProvider({ children }: { children: ReactNode }) {
  return (
    <AppProvider i18n={englishTranslations} linkComponent={PolarisLink}>
      {children}
    </AppProvider>
  );
}
