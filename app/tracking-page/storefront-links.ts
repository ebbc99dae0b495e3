/**
 * Links between tracking pages, relative to the page being served. The app proxy serves us under a path the
 * merchant chooses (`path_prefix`, e.g. /apps/track), and relative links keep working wherever that lives —
 * on the shop's domain, or under the local stand-in's /{shop}/… prefix.
 */
export type PageHref = (subpath: string) => string;

/** The storefront path of the current page: the proxy prefix plus what follows the app's /proxy route. */
export function storefrontPath(pathPrefix: string, appPathname: string): string {
  return `${pathPrefix.replace(/\/+$/, "")}${appPathname.replace(/^\/proxy/, "")}`;
}

/** A relative URL from the page at `fromPath` to the path `toPath` (both absolute storefront paths). */
export function relativeHref(fromPath: string, toPath: string): string {
  const fromDirectory = fromPath.split("/").slice(0, -1).filter(Boolean);
  const target = toPath.split("/").filter(Boolean);
  let shared = 0;
  while (shared < fromDirectory.length && shared < target.length - 1 && fromDirectory[shared] === target[shared]) shared++;
  const up = fromDirectory.length - shared;
  const relative = [...Array<string>(up).fill(".."), ...target.slice(shared)].join("/");
  return relative.startsWith("..") ? relative : `./${relative}`;
}

/** The href builder for a page at `currentPath` under `pathPrefix`: "" is the look-up form, "o/<token>" an order. */
export function pageHrefs(pathPrefix: string, currentPath: string): PageHref {
  const base = pathPrefix.replace(/\/+$/, "");
  return (subpath) => relativeHref(currentPath, subpath ? `${base}/${subpath}` : base);
}
