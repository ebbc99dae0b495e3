import { accessibleTextColor, readableTextOn } from "../contrast";

export interface Branding {
  primaryColor: string;
  accentColor: string;
  logoUrl: string | null;
  fontFamily: "system" | "serif" | "sans-serif" | "monospace";
}

const FONT_STACKS: Record<Branding["fontFamily"], string> = {
  system: 'system-ui,-apple-system,"Segoe UI",Roboto,sans-serif',
  serif: 'Georgia,"Times New Roman",serif',
  "sans-serif": '"Helvetica Neue",Arial,sans-serif',
  monospace: 'ui-monospace,Menlo,Consolas,monospace',
};

const PAGE_BACKGROUND = "#ffffff";

/**
 * The page's inline stylesheet in the merchant's colours and font. Colours are adjusted for WCAG AA: text on
 * the brand colour is black or white by contrast, and a brand colour too pale for text on white is replaced
 * for links and headings (the bar keeps the real colour).
 */
export function pageStyles(branding: Branding): string {
  const brand = branding.primaryColor;
  const vars = [
    `--brand:${brand}`,
    `--on-brand:${readableTextOn(brand)}`,
    `--brand-text:${accessibleTextColor(brand, PAGE_BACKGROUND)}`,
    `--accent:${branding.accentColor}`,
    `--on-accent:${readableTextOn(branding.accentColor)}`,
    `--font:${FONT_STACKS[branding.fontFamily]}`,
  ].join(";");
  return `:root{${vars}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 var(--font);color:#1a1a1a;background:#fff}
a{color:var(--brand-text)}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px;box-shadow:0 0 0 5px #fff}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header{background:var(--accent);color:var(--on-accent);padding:12px 16px}
header img{max-height:40px;vertical-align:middle}
header span{font-weight:600;font-size:1.1rem}
main,footer{max-width:720px;margin:0 auto;padding:16px}
main aside{margin-top:24px}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.25rem;margin:0 0 .5rem}h3{font-size:1rem;margin:1rem 0 .25rem}
.card{border:1px solid #8c8c8c;border-radius:8px;padding:16px;margin:16px 0}
.status{font-size:1.2rem;font-weight:700;margin:0}
.normal .status{color:var(--brand-text)}.warning .status{color:#8a4b00}.critical .status{color:#b3261e}.complete .status{color:#0b6e3a}
.bar{height:8px;background:#e3e3e3;border-radius:4px;margin:12px 0 4px;overflow:hidden}
.bar span{display:block;height:100%;background:var(--brand)}
.warning .bar span{background:#b76e00}.critical .bar span{background:#b3261e}
.steps{display:flex;list-style:none;padding:0;margin:0;font-size:.8rem;color:#5c5c5c}
.steps li{flex:1}.steps .done{color:#1a1a1a}.steps [aria-current]{color:#1a1a1a;font-weight:700}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:12px 0}dt{color:#5c5c5c}dd{margin:0;overflow-wrap:anywhere}
ul,ol{padding-left:1.2rem}
.tl{list-style:none;padding:0;border-left:2px solid #d4d4d4;margin-left:4px}
.tl li{padding:0 0 10px 12px}.tl time{display:block;font-size:.85rem;color:#5c5c5c}
.note{font-size:.85rem;color:#5c5c5c}
form{display:grid;gap:12px;max-width:420px}
label{font-weight:600;display:block}
input{width:100%;font:inherit;padding:10px;border:1px solid #6b6b6b;border-radius:6px}
button,.btn{font:inherit;font-weight:600;padding:10px 16px;border:0;border-radius:6px;background:var(--brand);color:var(--on-brand);text-decoration:none;display:inline-block;cursor:pointer}
.notice{border-left:4px solid #b3261e;background:#fdf3f2;padding:8px 12px}
.recs{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:12px;list-style:none;padding:0}
.recs img{width:100%;height:auto;border-radius:6px}
.code{font-family:ui-monospace,Menlo,monospace;font-weight:700;border:1px dashed #6b6b6b;padding:2px 6px}`;
}
