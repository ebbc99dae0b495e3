import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The scripts a host page loads: the extension bundled exactly as Shopify builds it (the project's own
 * `bundleExtension`, with the app URL set to where the app runs) and the host runtime. Built on first use
 * and kept for the stand-in's lifetime; esbuild is loaded only then, so a stand-in that never shows an
 * extension never starts it.
 */

const EXTENSIONS_DIR = fileURLToPath(new URL("../../extensions/", import.meta.url));
const RUNTIME_ENTRY = fileURLToPath(new URL("./browser/runtime.ts", import.meta.url));

/** The extensions a host page can show, by the surface they render on. */
export const SURFACE_EXTENSIONS = { thank_you: "thank-you-offer", order_status: "order-status-offer" } as const;

const built = new Map<string, Promise<string>>();

function once(key: string, build: () => Promise<string>): Promise<string> {
  let code = built.get(key);
  if (!code) {
    code = build();
    built.set(key, code);
    // A failed build (a syntax error being fixed) is tried again on the next request.
    code.catch(() => built.delete(key));
  }
  return code;
}

/** The folder of an extension of this project, or null for a name that is not one. */
export function extensionFolder(handle: string): string | null {
  if (!/^[a-z0-9-]+$/.test(handle)) return null;
  const folder = `${EXTENSIONS_DIR}${handle}`;
  return existsSync(`${folder}/shopify.extension.toml`) ? folder : null;
}

/** The extension's ESM bundle, calling the app at `appUrl`. */
export function extensionBundle(handle: string, appUrl: string): Promise<string> {
  const folder = extensionFolder(handle);
  if (!folder) return Promise.reject(new Error(`no extension ${handle}`));
  return once(`extension:${handle}:${appUrl}`, async () => {
    const { bundleExtension } = await import("../../scripts/extension-size.ts");
    return (await bundleExtension(folder, { __AFTERCARE_APP_URL__: JSON.stringify(appUrl) })).toString("utf8");
  });
}

/** The host runtime (Polaris stand-ins, the `shopify` global, the loader) as one ESM script. */
export function hostRuntime(): Promise<string> {
  return once("runtime", async () => {
    const { build } = await import("esbuild");
    const result = await build({ entryPoints: [RUNTIME_ENTRY], bundle: true, format: "esm", target: "es2020", write: false, logLevel: "silent" });
    return result.outputFiles[0]!.text;
  });
}
