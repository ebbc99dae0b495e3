import { readdirSync, readFileSync } from "node:fs";
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

/** The entry modules of an extension folder, from its shopify.extension.toml targets. */
function entryModules(folder: string): string[] {
  const toml = parseToml(readFileSync(join(folder, "shopify.extension.toml"), "utf8")) as {
    extensions?: Array<{ targeting?: Array<{ module?: string }> }>;
  };
  const modules = (toml.extensions ?? []).flatMap((extension) => (extension.targeting ?? []).flatMap((target) => (target.module ? [target.module] : [])));
  return [...new Set(modules)].map((module) => resolve(folder, module));
}

/** Bundles one extension folder and measures the result, raw and gzipped. */
export async function measureExtension(folder: string): Promise<ExtensionSize> {
  const result = await build({
    entryPoints: entryModules(folder),
    bundle: true,
    minify: true,
    format: "esm",
    jsx: "automatic",
    jsxImportSource: "preact",
    target: "es2020",
    write: false,
    outdir: "out",
    logLevel: "silent",
  });
  const code = Buffer.concat(result.outputFiles.map((file) => Buffer.from(file.contents)));
  return { name: basename(folder), bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

/** Every extension under extensions/ that has a shopify.extension.toml, measured. */
export async function measureExtensions(dir = EXTENSIONS_DIR): Promise<ExtensionSize[]> {
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(dir, entry.name))
    .filter((folder) => {
      try {
        readFileSync(join(folder, "shopify.extension.toml"));
        return true;
      } catch {
        return false;
      }
    });
  return Promise.all(folders.map(measureExtension));
}

async function main(): Promise<void> {
  const extensions = await measureExtensions();
  console.log(JSON.stringify({ bench: "extension-size", extensions }));
  const over = extensions.filter((extension) => extension.gzipBytes > GZIP_BUDGET_BYTES);
  for (const extension of over) {
    process.stderr.write(`${extension.name}: ${extension.gzipBytes} bytes gzipped, over the ${GZIP_BUDGET_BYTES}-byte budget\n`);
  }
  process.exitCode = over.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}

