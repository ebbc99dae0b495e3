import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { parse as parseToml } from "smol-toml";

/**
 * Bundles every UI extension the way Shopify does (esbuild, ESM, minified, Preact JSX) and checks its
 * compressed size against our budget, far below Shopify's 64 KB limit: a customer-account page loads
 * every app's extensions, so each kilobyte is the shopper's wait. Prints one JSON line; exits 1 when over.
 */

export const GZIP_BUDGET_BYTES = 16 * 1024;
const EXTENSIONS_DIR = fileURLToPath(new URL("../extensions", import.meta.url));

export interface ExtensionSize {
  name: string;
  bytes: number;
  gzipBytes: number;
}

// Shopify CLI builds a post-purchase extension from src/index.* (its toml declares no targets).
const POST_PURCHASE_ENTRIES = ["src/index.ts", "src/index.tsx", "src/index.js", "src/index.jsx"];

/** The entry modules of an extension folder: its toml's targets, or a post-purchase extension's src/index. */
function entryModules(folder: string): string[] {
  const toml = parseToml(readFileSync(join(folder, "shopify.extension.toml"), "utf8")) as {
    type?: string;
    extensions?: Array<{ targeting?: Array<{ module?: string }> }>;
  };
  if (toml.type === "checkout_post_purchase") return POST_PURCHASE_ENTRIES.map((entry) => resolve(folder, entry)).filter((entry) => existsSync(entry)).slice(0, 1);
  const modules = (toml.extensions ?? []).flatMap((extension) => (extension.targeting ?? []).flatMap((target) => (target.module ? [target.module] : [])));
  return [...new Set(modules)].map((module) => resolve(folder, module));
}

/**
 * Bundles one extension folder the way Shopify does; `define` replaces globals at build time (tests set
 * the app URL with it). Returns the code, all entry modules concatenated (or only `entries`, paths relative
 * to the folder, for a test that loads one target of a several-target extension).
 */
export async function bundleExtension(folder: string, define: Record<string, string> = {}, entries?: string[]): Promise<Buffer> {
  const result = await build({
    entryPoints: entries ? entries.map((entry) => resolve(folder, entry)) : entryModules(folder),
    bundle: true,
    minify: true,
    format: "esm",
    jsx: "automatic",
    jsxImportSource: "preact",
    target: "es2020",
    define,
    write: false,
    outdir: "out",
    logLevel: "silent",
  });
  return Buffer.concat(result.outputFiles.map((file) => Buffer.from(file.contents)));
}

/** Bundles one extension folder and measures the result, raw and gzipped. */
export async function measureExtension(folder: string): Promise<ExtensionSize> {
  const code = await bundleExtension(folder);
  return { name: basename(folder), bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

/**
 * Every UI extension under extensions/ (a shopify.extension.toml with JavaScript entry modules), measured.
 * Theme app extensions and functions have no such entry and other limits, so they are not measured here.
 */
export async function measureExtensions(dir = EXTENSIONS_DIR): Promise<ExtensionSize[]> {
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(dir, entry.name))
    .filter((folder) => existsSync(join(folder, "shopify.extension.toml")) && entryModules(folder).length > 0);
  return Promise.all(folders.map(measureExtension));
}

/** The extensions whose compressed bundle is over the budget. */
export function overBudget(extensions: ExtensionSize[]): ExtensionSize[] {
  return extensions.filter((extension) => extension.gzipBytes > GZIP_BUDGET_BYTES);
}

async function main(): Promise<void> {
  const extensions = await measureExtensions();
  console.log(JSON.stringify({ bench: "extension-size", extensions }));
  const over = overBudget(extensions);
  for (const extension of over) {
    process.stderr.write(`${extension.name}: ${extension.gzipBytes} bytes gzipped, over the ${GZIP_BUDGET_BYTES}-byte budget\n`);
  }
  process.exitCode = over.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}

