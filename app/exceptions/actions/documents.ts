/** The Admin GraphQL documents of the exception actions (validated against the vendored 2026-07 schema). */

/** Adds tags to the order; adding a tag it already has changes nothing, so a repeat is harmless. */
export const TAG_ORDER_MUTATION = `#graphql
  mutation ExceptionTagOrder($id: ID!, $tags: [String!]!) {
    tagsAdd(id: $id, tags: $tags) {
      node {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`;

/** Creates the draft order that reships a parcel's items free of charge. */
export const RESHIP_DRAFT_MUTATION = `#graphql
  mutation ExceptionReshipDraft($input: DraftOrderInput!) {
    draftOrderCreate(input: $input) {
      draftOrder {
        id
        name
      }
      userErrors {
        field
        message
      }
    }
  }
`;
