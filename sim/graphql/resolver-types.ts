import type { GraphQLResolveInfo } from "graphql";
import type { AccessGrant } from "../auth/access-tokens.ts";
import type { ShopState } from "../store/shop-state.ts";
import type { SimStore } from "../store/store.ts";
import type { SearchWarning } from "./search-query.ts";

export interface ResolverContext {
  store: SimStore;
  state: ShopState;
  grant: AccessGrant;
  now: Date;
  /** Collected for `extensions.search`, as Shopify reports ignored search fields. */
  searchWarnings: { path: (string | number)[]; query: string; warnings: SearchWarning[] }[];
}

// Method syntax makes parameters bivariant, so each resolver can name its own source and args types.
interface FieldResolverMethod<TSource> {
  resolve(source: TSource, args: Record<string, unknown>, context: ResolverContext, info: GraphQLResolveInfo): unknown;
}
export type FieldResolver<TSource> = FieldResolverMethod<TSource>["resolve"];

/** Resolvers for the fields of one GraphQL type that are not plain properties of its source record. */
export type TypeResolvers<TSource> = Record<string, FieldResolver<TSource>>;

export type ResolverMap = Record<string, TypeResolvers<never>>;
