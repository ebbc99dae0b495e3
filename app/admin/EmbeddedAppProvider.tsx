import { useNavigate } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { PolarisProvider } from "./PolarisProvider";

interface EmbeddedAppProviderProps {
  apiKey: string;
  /** Where App Bridge is loaded from: Shopify's CDN, or the local stand-in's compatible script. */
  appBridgeUrl: string;
  children: ReactNode;
}

/**
 * What `@shopify/shopify-app-remix/react`'s AppProvider does, with the App Bridge URL configurable: that
 * provider always loads App Bridge from Shopify's CDN, which the local stand-in cannot serve.
 */
export function EmbeddedAppProvider({ apiKey, appBridgeUrl, children }: EmbeddedAppProviderProps) {
  useAdminNavigation();
  return (
    <>
      <script src={appBridgeUrl} data-api-key={apiKey} />
      <PolarisProvider>{children}</PolarisProvider>
    </>
  );
}

/** Follows navigation App Bridge asks for (a click in the admin's app nav) inside the Remix router. */
function useAdminNavigation(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onNavigate = (event: Event) => {
      const href = (event.target as Element | null)?.getAttribute("href");
      if (href) navigate(href);
    };
    addEventListener("shopify:navigate", onNavigate);
    return () => removeEventListener("shopify:navigate", onNavigate);
  }, [navigate]);
}
