// Shopify builds extensions without the app's environment, so the backend's public URL is set here at
// deploy time (a local build can override it with esbuild's --define).
declare const __AFTERCARE_APP_URL__: string | undefined;

/** Where the offer extensions call the app backend. */
export const APP_URL = typeof __AFTERCARE_APP_URL__ === "string" ? __AFTERCARE_APP_URL__ : "https://aftercare.example.com";
