import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import type { FieldResolver, ResolverContext, TypeResolvers } from "./resolver-types.ts";

/** A `write_x` grant includes `read_x`, as Shopify's scopes do. */
export function hasScope(granted: string[], required: string): boolean {
  return granted.includes(required) || (required.startsWith("read_") && granted.includes(required.replace(/^read_/, "write_")));
}

/** Shopify's answer when the app's token lacks the scope a root field needs (data for that field is null). */
function accessDenied(info: GraphQLResolveInfo, scope: string): GraphQLError {
  return new GraphQLError(`Access denied for ${info.fieldName} field. Required access: \`${scope}\` access scope.`, {
    extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes", requiredAccess: `\`${scope}\` access scope.` },
  });
}

/** Wraps root-field resolvers so each refuses a token without `scope`. */
export function requiringScope(scope: string, resolvers: TypeResolvers<unknown>): TypeResolvers<unknown> {
  return Object.fromEntries(
    Object.entries(resolvers).map(([name, resolve]): [string, FieldResolver<unknown>] => [
      name,
      (source, args, context: ResolverContext, info) => {
        if (!hasScope(context.grant.scopes, scope)) throw accessDenied(info, scope);
        return resolve(source, args, context, info);
      },
    ]),
  );
}
