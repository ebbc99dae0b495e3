import { startStandIn, type StandIn, type StandInOptions } from "../../sim/index.ts";
import { startBuiltApp, type RunningApp } from "./app-server";
import { freePort } from "./ports";

/** Credentials the app and the stand-in share locally; the stand-in signs tokens and webhooks with the secret. */
export const LOCAL_APP_CREDENTIALS = { apiKey: "aftercare-local", apiSecret: "aftercare-local-secret" } as const;

export interface StackOptions {
  databaseUrl: string;
  shop: string;
  /** Ports to listen on (default: free ones). */
  appPort?: number;
  standInPort?: number;
  /** The app's logs go here (default: discarded). */
  appLogFile?: string;
  appLogLevel?: string;
  /** More environment for the app (e.g. SMTP_URL and MAIL_FROM to send notification email). */
  appEnv?: Record<string, string>;
  onBuild?: () => void;
  /** Stand-in settings beyond the wiring: a fixed store clock (two runs of one seed alike), webhook retry delays. */
  standIn?: Pick<StandInOptions, "clock" | "webhookRetry">;
}

/** The app and the local Shopify stand-in, wired to each other. */
export interface Stack {
  app: RunningApp;
  standIn: StandIn;
  shop: string;
  apiKey: string;
  /** The stand-in's Shopify admin page with the app embedded, the page a merchant opens. */
  adminUrl: string;
  healthUrl: string;
  controlApiUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the stand-in and the production build of the app against each other, as the demo and the browser
 * tests run them: Admin API, token exchange and App Bridge come from the stand-in, webhooks go to the app.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const { apiKey, apiSecret } = LOCAL_APP_CREDENTIALS;
  // Each side needs the other's URL at start, so the app's port is fixed before the stand-in starts.
  const appPort = options.appPort ?? (await freePort());
  const standIn = await startStandIn({
    apiKey,
    apiSecret,
    appUrl: `http://127.0.0.1:${appPort}`,
    port: options.standInPort ?? 0,
    shops: [options.shop],
    ...options.standIn,
  });
  let app: RunningApp;
  try {
    app = await startBuiltApp(
      {
        SHOPIFY_API_KEY: apiKey,
        SHOPIFY_API_SECRET: apiSecret,
        DATABASE_URL: options.databaseUrl,
        SHOPIFY_STANDIN_URL: standIn.url,
        APP_BRIDGE_URL: `${standIn.url}/cdn/app-bridge.js`,
        LOG_LEVEL: options.appLogLevel ?? "info",
        ...options.appEnv,
      },
      { port: appPort, logFile: options.appLogFile, onBuild: options.onBuild },
    );
  } catch (error) {
    await standIn.close();
    throw error;
  }
  return {
    app,
    standIn,
    shop: options.shop,
    apiKey,
    adminUrl: `${standIn.url}/${options.shop}/admin/apps/${apiKey}`,
    healthUrl: `${app.url}/healthz`,
    controlApiUrl: `${standIn.url}/_sim`,
    stop: async () => {
      // The app first: jobs it is finishing may still call the stand-in's Admin API.
      await app.stop();
      await standIn.close();
    },
  };
}
