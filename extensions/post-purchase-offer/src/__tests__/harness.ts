import { createRemoteRoot } from "@remote-ui/core";
import { vi } from "vitest";
import { beanieOffer } from "../../../shared/offer-block/__tests__/fake-api";
import { postPurchaseClient } from "../../src/client";
import type { OfferView, RenderApi } from "../../src/contract";
import { mountUpsellPage } from "../../src/mount";
import type { RemoteTarget } from "../../src/tree";

export { beanieOffer };

const APP = "https://app.example";

type Json = Record<string, unknown>;
type CalculateResult = Awaited<ReturnType<RenderApi["calculateChangeset"]>>;
type ApplyResult = Awaited<ReturnType<RenderApi["applyChangeset"]>>;

const bag = (amount: string) => ({ shopMoney: { amount, currencyCode: "USD" }, presentmentMoney: { amount, currencyCode: "USD" } });

/** What Shopify's calculateChangeset answers for the beanie: taxes and shipping added. */
export const calculated: CalculateResult = {
  status: "processed",
  errors: [],
  calculatedPurchase: {
    subtotalPriceSet: bag("34.00"),
    totalPriceSet: bag("139.23"),
    addedTaxLines: [
      { priceSet: bag("2.10"), rate: 0.06, title: "State tax" },
      { priceSet: bag("0.62"), rate: 0.01, title: "City tax" },
    ],
    updatedLineItems: [],
    addedShippingLines: [{ priceSet: bag("4.99"), presentmentTitle: "Shipping" }],
    totalOutstandingSet: bag("41.71"),
  },
};

export const applied: ApplyResult = { status: "processed", errors: [], changesetApplicationsRemaining: 0 };

interface Options {
  offer?: OfferView | null;
  locale?: string;
  calculate?: () => Promise<CalculateResult>;
  apply?: () => Promise<ApplyResult>;
  /** Answers the app gives, by endpoint; default: sign → a fresh token, decision → 204. */
  answer?: Partial<Record<"sign" | "decision", () => Response>>;
}

/**
 * The post-purchase page against a fake Shopify (real remote-ui root, faked calculate/apply/done) and a fake
 * app backend. Every call to either lands in `calls`, in order, so tests can assert the sequence.
 */
export async function openUpsellPage(options: Options = {}) {
  const calls: string[] = [];
  const bodies: Json[] = [];
  let signed = 0;
  const fetchImpl = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const endpoint = String(url).replace(`${APP}/api/post-purchase/`, "") as "sign" | "decision";
    const body = JSON.parse(String(init?.body)) as Json;
    bodies.push(body);
    calls.push(endpoint === "decision" ? `decision:${String(body.decision)}` : endpoint);
    if (options.answer?.[endpoint]) return options.answer[endpoint]!();
    if (endpoint === "sign") return Response.json({ token: `changeset-${++signed}` });
    if (endpoint === "decision") return new Response(null, { status: 204 });
    throw new Error(`unexpected fetch ${String(url)}`);
  });
  const api: RenderApi = {
    inputData: { token: "input-token", locale: options.locale ?? "en", initialPurchase: { referenceId: "ref-1" } },
    storage: { initialData: options.offer === null ? {} : { offer: options.offer ?? beanieOffer } },
    calculateChangeset: vi.fn(async (changeset) => {
      calls.push(`calculate:${String(changeset)}`);
      return options.calculate ? options.calculate() : calculated;
    }),
    applyChangeset: vi.fn(async (token) => {
      calls.push(`apply:${token}`);
      return options.apply ? options.apply() : applied;
    }),
    done: vi.fn(async () => {
      calls.push("done");
    }),
  };
  const root = createRemoteRoot(() => undefined);
  const client = postPurchaseClient(APP, api.inputData.token, fetchImpl as unknown as typeof fetch);
  await mountUpsellPage(root as unknown as RemoteTarget & { mount(): Promise<void> }, api, client);

  return {
    calls,
    bodies,
    fetchImpl,
    /** Everything the shopper can read, one space between components. */
    text: () => remoteText(root.children),
    /** The props of the button whose label starts with `label`. */
    button: (label: string) => findButton(root.children, label),
    async press(label: string) {
      const button = findButton(root.children, label);
      if (!button) throw new Error(`no button "${label}"`);
      (button.onPress as () => void)();
      await flush();
    },
    find: (type: string) => findAll(root.children, type),
  };
}

/** Lets the page's promise chains run to the end. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

type Node = { kind: number; text?: string; type?: string; props?: Json; children?: readonly Node[] };

/** The text of a remote-ui tree as a shopper reads it (banner titles included), one space between components. */
export function remoteText(nodes: readonly unknown[]): string {
  return (nodes as Node[])
    .map((node) => (typeof node.text === "string" ? node.text : [node.props?.title, remoteText(node.children ?? [])].filter(Boolean).join(" ")))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

function findAll(nodes: readonly unknown[], type: string): Array<{ props: Json; text: string }> {
  return (nodes as Node[]).flatMap((node) => [
    ...(node.type === type ? [{ props: node.props ?? {}, text: remoteText(node.children ?? []) }] : []),
    ...findAll(node.children ?? [], type),
  ]);
}

function findButton(nodes: readonly unknown[], label: string): Json | undefined {
  return findAll(nodes, "Button").find((button) => button.text.startsWith(label))?.props;
}
