// Shopify builds extensions without the app's environment, so the backend's public URL is set here at
// deploy time (scripts/extension-size.ts can override it with --define for local builds).
declare const __AFTERCARE_APP_URL__: string | undefined;

/** Where the block fetches order status from. */
export const APP_URL = typeof __AFTERCARE_APP_URL__ === "string" ? __AFTERCARE_APP_URL__ : "https://aftercare.example.com";
