import { parseHTML } from "linkedom";
import { render, type ComponentChild } from "preact";
import { act } from "preact/test-utils";
import { vi } from "vitest";

/** Event properties the host's Polaris elements expose; Preact only listens for lowercase events it finds there. */
const HOST_EVENTS = ["onclick", "oncopy", "oncopyerror"];

/** Polaris elements that render an attribute as visible text (a section's heading). */
function visibleText(node: Node): string {
  if (node.nodeType === 3) return node.textContent ?? "";
  const element = node as Element;
  const heading = element.getAttribute?.("heading");
  const children = Array.from(node.childNodes, visibleText).join(" ");
  return heading ? `${heading} ${children}` : children;
}

/**
 * A small browser stand-in for extension tests: a linkedom document installed as the global one, so Preact
 * renders real elements, runs effects and dispatches events the way the extension host does.
 */
export function createDom() {
  const { document, window } = parseHTML("<!doctype html><html><body></body></html>");
  for (const name of HOST_EVENTS) {
    if (!(name in window.HTMLElement.prototype)) Object.defineProperty(window.HTMLElement.prototype, name, { value: null, writable: true });
  }
  vi.stubGlobal("document", document);
  const root = document.body;
  return {
    document,
    /** Renders and flushes effects. */
    async render(node: ComponentChild) {
      await act(() => render(node, root));
    },
    /** Lets pending promises (fetches) settle and effects run. */
    async settle() {
      for (let i = 0; i < 5; i += 1) await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    },
    /** The text a shopper reads (section headings included), one space between elements. */
    text: () => visibleText(root).replace(/\s+/g, " ").trim(),
    html: () => root.innerHTML,
    query: (selector: string) => root.querySelector(selector) as HTMLElement | null,
    async fire(selector: string, type: string) {
      const element = root.querySelector(selector);
      if (!element) throw new Error(`no element matches ${selector}`);
      await act(() => {
        element.dispatchEvent(new window.Event(type));
      });
    },
    async unmount() {
      await act(() => render(null, root));
      vi.unstubAllGlobals();
    },
  };
}
