/**
 * A few lines instead of a UI framework: the page is a pure function of its state that returns a tree of
 * post-purchase components, and each state change rebuilds the remote tree. The page changes state a
 * handful of times, so rebuilding costs nothing, while React and its reconciler would cost ~40 KB.
 */

export type ComponentName =
  | "Banner"
  | "BlockStack"
  | "Button"
  | "CalloutBanner"
  | "Heading"
  | "Image"
  | "InlineStack"
  | "Layout"
  | "Separator"
  | "Text"
  | "TextBlock"
  | "TextContainer";

export interface UiNode {
  type: ComponentName;
  props: Record<string, unknown>;
  children: Array<UiNode | string>;
}

type Child = UiNode | string | number | false | null | undefined;

/** One component with its props and children; false/null/undefined children are left out. */
export function h(type: ComponentName, props: Record<string, unknown> | null, ...children: Child[]): UiNode {
  const kept = children.filter((child): child is UiNode | string | number => child !== false && child !== null && child !== undefined);
  return { type, props: props ?? {}, children: kept.map((child) => (typeof child === "number" ? String(child) : child)) };
}

/** The part of remote-ui's RemoteRoot the renderer uses. */
export interface RemoteTarget {
  readonly children: ReadonlyArray<unknown>;
  createComponent(type: string, props: Record<string, unknown>, children: unknown[]): unknown;
  createText(text: string): unknown;
  appendChild(child: unknown): unknown;
  removeChild(child: unknown): unknown;
}

function build(root: RemoteTarget, node: UiNode | string): unknown {
  if (typeof node === "string") return root.createText(node);
  return root.createComponent(node.type, node.props, node.children.map((child) => build(root, child)));
}

/** Replaces whatever the root shows with `node`. */
export function renderTree(root: RemoteTarget, node: UiNode): void {
  for (const child of [...root.children]) root.removeChild(child);
  root.appendChild(build(root, node));
}
