/**
 * Minimal stand-ins for the Polaris web components the offer extensions render (`s-section`, `s-stack`,
 * `s-text`, `s-button` …): custom elements that show their text, children and buttons readably, with a
 * little styling. Not Shopify's look; enough to see and use what an extension renders. Browser only.
 */

const BASE = ":host { box-sizing: border-box; font: inherit; color: inherit; }";

/** Each element's shadow template: `<slot>` is where the extension's children go. */
const TEMPLATES: Record<string, string> = {
  "s-stack": `<style>${BASE} :host { display: flex; flex-direction: column; gap: 12px; }
    :host([direction="inline"]) { flex-direction: row; flex-wrap: wrap; gap: 8px; }
    :host([alignitems="center"]) { align-items: center; }
    :host([gap^="small"]) { gap: 6px; }</style><slot></slot>`,
  "s-section": `<style>${BASE} :host { display: block; border: 1px solid #dcdcdc; border-radius: 12px; padding: 16px; background: #fff; }
    h2 { margin: 0 0 12px; font-size: 1.1rem; } h2:empty { display: none; }</style><h2 part="heading"></h2><slot></slot>`,
  "s-paragraph": `<style>${BASE} :host { display: block; } p { margin: 0; }</style><p><slot></slot></p>`,
  "s-text": `<style>${BASE} :host { display: inline; }
    :host([type="strong"]) { font-weight: 600; } :host([type="redundant"]) { text-decoration: line-through; color: #6d7175; }
    :host([color="subdued"]) { color: #6d7175; } :host([tone="critical"]) { color: #8e1f0b; }</style><slot></slot>`,
  "s-badge": `<style>${BASE} :host { display: inline-block; padding: 2px 8px; border-radius: 8px; background: #e4e5e7; font-size: 0.85rem; }</style><slot></slot>`,
  "s-link": `<style>${BASE} a { color: #005bd3; text-decoration: underline; cursor: pointer; }</style><a part="link"><slot></slot></a>`,
  "s-button": `<style>${BASE} button { font: inherit; padding: 6px 14px; border-radius: 8px; border: 1px solid #8a8a8a; background: #fff; cursor: pointer; }
    :host([variant="primary"]) button { background: #1a1a1a; color: #fff; }</style><button part="button" type="button"><slot></slot></button>`,
  "s-product-thumbnail": `<style>${BASE} img { width: 64px; height: 64px; object-fit: cover; border-radius: 8px; background: #f1f1f1; }</style><img part="image" alt="">`,
  "s-clipboard-item": `<style>:host { display: none; }</style>`,
};

/** Attributes mirrored into the shadow tree (a section's heading, a link's target, a thumbnail's image). */
const MIRRORED = ["heading", "href", "target", "src", "alt"];

class PolarisElement extends HTMLElement {
  static observedAttributes = MIRRORED;
  // Preact listens for `onCopyError` as the lowercase "copyerror" event only if the element has the property.
  oncopyerror: ((event: Event) => void) | null = null;

  connectedCallback(): void {
    if (!this.shadowRoot) {
      this.attachShadow({ mode: "open" }).innerHTML = TEMPLATES[this.localName] ?? "<slot></slot>";
      this.shadowRoot!.addEventListener("click", (event) => this.activate(event));
    }
    for (const name of MIRRORED) this.attributeChangedCallback(name);
  }

  attributeChangedCallback(name: string): void {
    const root = this.shadowRoot;
    if (!root) return;
    const value = this.getAttribute(name);
    if (name === "heading") root.querySelector("h2")?.replaceChildren(value ?? "");
    const target = root.querySelector(name === "src" || name === "alt" ? "img" : "a");
    if (target && (name !== "heading")) {
      if (value === null) target.removeAttribute(name);
      else target.setAttribute(name, value);
    }
  }

  /** A button with `command="--copy"` copies the text of the clipboard item it names, as Polaris does. */
  private activate(event: Event): void {
    if (this.localName !== "s-button" || this.getAttribute("command") !== "--copy") return;
    event.preventDefault();
    const item = document.getElementById(this.getAttribute("commandfor") ?? "");
    if (item) void copyFrom(item);
  }
}

async function copyFrom(item: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(item.getAttribute("text") ?? "");
    item.dispatchEvent(new Event("copy"));
  } catch {
    item.dispatchEvent(new Event("copyerror"));
  }
}

/** Registers every element once (a second extension on the page reuses them). */
export function definePolarisElements(): void {
  for (const name of Object.keys(TEMPLATES)) {
    if (!customElements.get(name)) customElements.define(name, class extends PolarisElement {});
  }
}
