import { type AdminGraphqlClient } from "~/shopify/admin-graphql.server";

/**
 * A scripted Admin API for offer tests: answers the offer documents (catalog, customer, discount codes) from
 * in-memory records, and fails loudly on any other document, so a test sees every call the code makes.
 */

export interface FakeVariant {
  id: string;
  title?: string;
  price: string;
  inventoryQuantity: number | null;
}

export interface FakeProduct {
  id: string;
  title: string;
  status?: "ACTIVE" | "DRAFT" | "ARCHIVED";
  tags?: string[];
  /** Collection gids the product belongs to. */
  collections?: string[];
  variants: FakeVariant[];
}

export interface DiscountCreateCall {
  code: string;
  input: Record<string, unknown>;
}

export class FakeAdmin {
  readonly products = new Map<string, FakeProduct>();
  readonly customers = new Map<string, { tags: string[]; numberOfOrders: number }>();
  readonly discountCreates: DiscountCreateCall[] = [];
  /** userErrors the next discountCodeBasicCreate answers with (then cleared). */
  nextDiscountUserErrors: Array<{ field: string[] | null; message: string; code: string | null }> | null = null;
  readonly operations: string[] = [];

  addProduct(product: FakeProduct): this {
    this.products.set(product.id, product);
    return this;
  }

  /** As the library's `admin` context. */
  readonly client: AdminGraphqlClient = {
    graphql: async (query, options) => Response.json(this.answer(query, options?.variables ?? {})),
  };

  /** As the library's fetch (setAbstractFetchFunc), for code that goes through unauthenticated.admin(shop). */
  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.includes("/admin/api/")) throw new Error(`unexpected outbound fetch to ${url}`);
    const body = JSON.parse(String(init?.body ?? (input instanceof Request ? await input.text() : "{}"))) as { query: string; variables?: Record<string, unknown> };
    return Response.json(this.answer(body.query, body.variables ?? {}), { headers: { "Content-Type": "application/json" } });
  };

  private answer(query: string, variables: Record<string, unknown>): unknown {
    const operation = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? "anonymous";
    this.operations.push(operation);
    switch (operation) {
      case "OfferProducts":
        return { data: { nodes: (variables.ids as string[]).map((id) => this.productNode(id)) } };
      case "OfferProductCollections":
        return {
          data: {
            nodes: (variables.ids as string[]).map((id) => {
              const product = this.products.get(id);
              return product ? { id, collections: { nodes: (product.collections ?? []).map((collection) => ({ id: collection })) } } : null;
            }),
          },
        };
      case "OfferCustomer": {
        const customer = this.customers.get(variables.id as string);
        return { data: { customer: customer ? { id: variables.id, tags: customer.tags, numberOfOrders: String(customer.numberOfOrders) } : null } };
      }
      case "OfferDiscountCodeCreate": {
        const input = variables.basicCodeDiscount as Record<string, unknown>;
        const userErrors = this.nextDiscountUserErrors ?? [];
        this.nextDiscountUserErrors = null;
        if (userErrors.length) return { data: { discountCodeBasicCreate: { codeDiscountNode: null, userErrors } } };
        this.discountCreates.push({ code: String(input.code), input });
        return { data: { discountCodeBasicCreate: { codeDiscountNode: { id: `gid://shopify/DiscountCodeNode/${this.discountCreates.length}` }, userErrors: [] } } };
      }
      default:
        throw new Error(`FakeAdmin does not answer ${operation}`);
    }
  }

  private productNode(id: string) {
    const product = this.products.get(id);
    if (!product) return null;
    return {
      id: product.id,
      title: product.title,
      status: product.status ?? "ACTIVE",
      tags: product.tags ?? [],
      onlineStoreUrl: `https://store.example/products/${product.title.toLowerCase().replace(/\W+/g, "-")}`,
      featuredImage: { url: `https://cdn.example/${product.id.split("/").at(-1)}.png` },
      variants: { nodes: product.variants.map((variant) => ({ id: variant.id, title: variant.title ?? "Default Title", price: variant.price, inventoryQuantity: variant.inventoryQuantity, image: null })) },
    };
  }
}
