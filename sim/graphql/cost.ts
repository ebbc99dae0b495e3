import {
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

/**
 * Shopify's calculated query cost, close enough to plan against: scalars 0, objects 1, connections
 * 2 + page size × the cost of one node, mutations 10.
 */
export function requestedQueryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string | null): number {
  const operation = costedOperation(schema, document, operationName);
  if (!operation) return 0;
  return operation.base + selectionCost(operation.root, operation.selectionSet, operation.fragments, variables, schema);
}

/** The operation to run, its root type, its fragments and the flat price of its kind (mutations 10). */
function costedOperation(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null) {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return null;
  const root = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (!root) return null;
  return { root, selectionSet: operation.selectionSet, fragments, base: operation.operation === "mutation" ? 10 : 0 };
}

function argumentNumber(value: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!value) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === "number" ? v : undefined;
  }
  return undefined;
}

function unwrapList(type: GraphQLOutputType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner);
}

function selectionCost(
  parent: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  schema: GraphQLSchema,
  insideConnection = false,
): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(selection.name.value);
      const typeCondition = fragment && schema.getType(fragment.typeCondition.name.value);
      if (fragment && typeCondition && (isObjectType(typeCondition) || isInterfaceType(typeCondition) || isUnionType(typeCondition))) {
        cost += selectionCost(typeCondition, fragment.selectionSet, fragments, variables, schema);
      }
      continue;
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typeCondition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
      if (typeCondition && (isObjectType(typeCondition) || isInterfaceType(typeCondition) || isUnionType(typeCondition))) {
        cost += selectionCost(typeCondition, selection.selectionSet, fragments, variables, schema);
      }
      continue;
    }
    if (isUnionType(parent)) continue;
    const field = parent.getFields()[selection.name.value];
    if (!field) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named) || !selection.selectionSet) continue;
    const connection = named.name.endsWith("Connection");
    const childCost = selectionCost(named as GraphQLCompositeType, selection.selectionSet, fragments, variables, schema, connection);
    const pageArg = selection.arguments?.find((a) => a.name.value === "first" || a.name.value === "last");
    const size = argumentNumber(pageArg?.value, variables);
    if (connection) {
      cost += 2 + (size ?? 1) * childCost;
    } else if (insideConnection && unwrapList(field.type)) {
      // edges/nodes: the page size is already counted on the connection
      cost += childCost;
    } else if (unwrapList(field.type)) {
      cost += (size ?? 1) * (1 + childCost);
    } else {
      cost += 1 + childCost;
    }
  }
  return cost;
}

/**
 * Shopify's actual query cost: the same prices applied to what was returned — a connection costs 2 plus its
 * returned nodes, a null object nothing. Shopify refunds the difference to the requested cost to the bucket.
 */
export function actualQueryCost(schema: GraphQLSchema, document: DocumentNode, data: unknown, operationName?: string | null): number {
  const operation = costedOperation(schema, document, operationName);
  if (!operation || data === null || typeof data !== "object") return 0;
  return operation.base + returnedCost(operation.root, operation.selectionSet, data as Record<string, unknown>, operation.fragments, schema);
}

function returnedCost(
  parent: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  data: Record<string, unknown>,
  fragments: Map<string, FragmentDefinitionNode>,
  schema: GraphQLSchema,
  insideConnection = false,
): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD || selection.kind === Kind.INLINE_FRAGMENT) {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      const conditionName = fragment?.typeCondition?.name.value;
      const typeCondition = conditionName ? schema.getType(conditionName) : parent;
      // Fields of a fragment that did not apply are absent from the data and so cost nothing below.
      if (fragment && typeCondition && (isObjectType(typeCondition) || isInterfaceType(typeCondition) || isUnionType(typeCondition))) {
        cost += returnedCost(typeCondition, fragment.selectionSet, data, fragments, schema, insideConnection);
      }
      continue;
    }
    if (isUnionType(parent)) continue;
    const field = parent.getFields()[selection.name.value];
    const value = data[selection.alias?.value ?? selection.name.value];
    if (!field || !selection.selectionSet || value === null || value === undefined) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) continue;
    const childType = named as GraphQLCompositeType;
    const connection = named.name.endsWith("Connection");
    const costOf = (item: unknown) =>
      item !== null && typeof item === "object" ? returnedCost(childType, selection.selectionSet!, item as Record<string, unknown>, fragments, schema, connection) : 0;
    if (Array.isArray(value)) {
      // edges/nodes are priced per returned node on the connection; other lists per returned object
      cost += value.reduce((sum: number, item) => sum + (insideConnection ? 0 : 1) + costOf(item), 0);
    } else {
      cost += (connection ? 2 : 1) + costOf(value);
    }
  }
  return cost;
}
