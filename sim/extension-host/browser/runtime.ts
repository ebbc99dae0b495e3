import { createHostApi, type HostConfig } from "./host-api.ts";
import { definePolarisElements } from "./polaris-elements.ts";

/**
 * The host page's script: installs the Polaris stand-ins and the `shopify` global, then loads the extension
 * bundle and calls its default export, as Shopify's sandbox does. Failures are shown, not swallowed.
 */
export async function runExtension(config: HostConfig, bundleUrl: string): Promise<void> {
  definePolarisElements();
  (globalThis as unknown as { shopify: unknown }).shopify = createHostApi(config);
  try {
    const extension = (await import(/* @vite-ignore */ bundleUrl)) as { default?: () => unknown };
    await extension.default?.();
    document.documentElement.dataset.extension = "running";
  } catch (error) {
    document.documentElement.dataset.extension = "failed";
    const message = document.createElement("pre");
    message.setAttribute("role", "alert");
    message.textContent = `The extension failed: ${error instanceof Error ? error.message : String(error)}`;
    document.body.append(message);
  }
}
