import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { appBridgeConfig } from "~/admin/app-bridge.server";
import { AppNavigation } from "~/admin/AppNavigation";
import { EmbeddedAppProvider } from "~/admin/EmbeddedAppProvider";
import { authenticate } from "~/shopify.server";

/** Every /app page is embedded in Shopify admin and needs a valid session token. */
export async function loader({ request }: LoaderFunctionArgs) {
  await authenticate.admin(request);
  return appBridgeConfig();
}

export default function App() {
  const { apiKey, appBridgeUrl } = useLoaderData<typeof loader>();
  return (
    <EmbeddedAppProvider apiKey={apiKey} appBridgeUrl={appBridgeUrl}>
      <AppNavigation />
      <Outlet />
    </EmbeddedAppProvider>
  );
}

// Shopify's auth flow throws responses (bounce page, exit-iframe) that must reach the browser as they are.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
