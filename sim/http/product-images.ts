import { createHash } from "node:crypto";
import type { RouteHandler } from "./router.ts";

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * `GET /cdn/shop/files/{name}.svg`: product pictures for the seeded catalogue (Shopify's CDN is out of
 * reach); a tinted tile with the product name, the same for the same name.
 */
export const productImageRoute: RouteHandler = (_request, { name }) => {
  const label = decodeURIComponent(name ?? "").replace(/\.svg$/, "").replace(/[-_]+/g, " ");
  const hue = createHash("sha256").update(label).digest()[0]! * 1.4;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
<rect width="600" height="600" fill="hsl(${hue.toFixed(0)} 35% 82%)"/>
<circle cx="300" cy="250" r="120" fill="hsl(${hue.toFixed(0)} 40% 55%)"/>
<text x="300" y="470" font-family="sans-serif" font-size="34" text-anchor="middle" fill="#303030">${escapeXml(label)}</text>
</svg>`;
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" } });
};
