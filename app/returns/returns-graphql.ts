import { z } from "zod";
import { userErrorsSchema } from "~/shopify/user-errors";

/**
 * The Admin GraphQL documents of the returns feature (2026-07), validated against the vendored schema by
 * app/shopify/__tests__/documents.test.ts, and the zod shapes of their answers.
 */

export const RETURNABLE_FULFILLMENTS_QUERY = `#graphql
  query AftercareReturnableFulfillments($orderId: ID!) {
    returnableFulfillments(orderId: $orderId, first: 5) {
      nodes {
        id
        fulfillment {
          id
          createdAt
        }
        returnableFulfillmentLineItems(first: 15) {
          nodes {
            quantity
            fulfillmentLineItem {
              id
              quantity
              lineItem {
                id
                title
                quantity
                originalUnitPriceSet {
                  shopMoney {
                    amount
                  }
                }
                discountedUnitPriceAfterAllDiscountsSet {
                  shopMoney {
                    amount
                  }
                }
                variant {
                  id
                }
                product {
                  id
                  productType
                  vendor
                  tags
                  collections(first: 10) {
                    nodes {
                      id
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

const shopMoney = z.object({ shopMoney: z.object({ amount: z.string() }) });

export const returnableFulfillmentsSchema = z.object({
  returnableFulfillments: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        fulfillment: z.object({ id: z.string(), createdAt: z.string().nullish() }),
        returnableFulfillmentLineItems: z.object({
          nodes: z.array(
            z.object({
              quantity: z.number().int(),
              fulfillmentLineItem: z.object({
                id: z.string(),
                quantity: z.number().int().nullish(),
                lineItem: z.object({
                  id: z.string(),
                  title: z.string(),
                  quantity: z.number().int(),
                  originalUnitPriceSet: shopMoney,
                  discountedUnitPriceAfterAllDiscountsSet: shopMoney.nullish(),
                  variant: z.object({ id: z.string() }).nullish(),
                  product: z
                    .object({
                      id: z.string(),
                      productType: z.string().nullish(),
                      vendor: z.string().nullish(),
                      tags: z.array(z.string()).nullish(),
                      collections: z.object({ nodes: z.array(z.object({ id: z.string() })) }).nullish(),
                    })
                    .nullish(),
                }),
              }),
            }),
          ),
        }),
      }),
    ),
  }),
});
export type ReturnableFulfillments = z.infer<typeof returnableFulfillmentsSchema>;

export const EXCHANGE_VARIANTS_QUERY = `#graphql
  query AftercareExchangeVariants($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on ProductVariant {
        id
        title
        price
        availableForSale
        product {
          id
          title
        }
      }
    }
  }
`;

export const exchangeVariantsSchema = z.object({
  nodes: z.array(
    z
      .object({
        id: z.string(),
        title: z.string(),
        price: z.string(),
        availableForSale: z.boolean().nullish(),
        product: z.object({ id: z.string(), title: z.string() }),
      })
      .nullable()
      .catch(null),
  ),
});


const returnSchema = z.object({ id: z.string(), name: z.string().nullish(), status: z.string() });

/** What every Returns API mutation answers: the return as it now stands, and Shopify's refusals. */
const RETURN_RESULT_FRAGMENTS = `#graphql
  fragment AftercareReturnResult on Return {
    id
    name
    status
  }
  fragment AftercareReturnUserError on ReturnUserError {
    field
    message
    code
  }
`;

export const RETURN_REQUEST_MUTATION = `#graphql
  mutation AftercareReturnRequest($input: ReturnRequestInput!) {
    returnRequest(input: $input) {
      return {
        ...AftercareReturnResult
      }
      userErrors {
        ...AftercareReturnUserError
      }
    }
  }
  ${RETURN_RESULT_FRAGMENTS}
`;

export const RETURN_CREATE_MUTATION = `#graphql
  mutation AftercareReturnCreate($returnInput: ReturnInput!) {
    returnCreate(returnInput: $returnInput) {
      return {
        ...AftercareReturnResult
      }
      userErrors {
        ...AftercareReturnUserError
      }
    }
  }
  ${RETURN_RESULT_FRAGMENTS}
`;

export const RETURN_APPROVE_MUTATION = `#graphql
  mutation AftercareReturnApprove($input: ReturnApproveRequestInput!) {
    returnApproveRequest(input: $input) {
      return {
        ...AftercareReturnResult
      }
      userErrors {
        ...AftercareReturnUserError
      }
    }
  }
  ${RETURN_RESULT_FRAGMENTS}
`;

export const RETURN_DECLINE_MUTATION = `#graphql
  mutation AftercareReturnDecline($input: ReturnDeclineRequestInput!) {
    returnDeclineRequest(input: $input) {
      return {
        ...AftercareReturnResult
      }
      userErrors {
        ...AftercareReturnUserError
      }
    }
  }
  ${RETURN_RESULT_FRAGMENTS}
`;

export const RETURN_CLOSE_MUTATION = `#graphql
  mutation AftercareReturnClose($id: ID!) {
    returnClose(id: $id) {
      return {
        ...AftercareReturnResult
      }
      userErrors {
        ...AftercareReturnUserError
      }
    }
  }
  ${RETURN_RESULT_FRAGMENTS}
`;

export const RETURN_PROCESS_MUTATION = `#graphql
  mutation AftercareReturnProcess($input: ReturnProcessInput!) {
    returnProcess(input: $input) {
      return {
        ...AftercareReturnResult
      }
      userErrors {
        ...AftercareReturnUserError
      }
    }
  }
  ${RETURN_RESULT_FRAGMENTS}
`;

const payload = (field: string) => z.object({ [field]: z.object({ return: returnSchema.nullish(), userErrors: userErrorsSchema }) });
export const returnRequestSchema = payload("returnRequest");
export const returnCreateSchema = payload("returnCreate");
export const returnApproveSchema = payload("returnApproveRequest");
export const returnDeclineSchema = payload("returnDeclineRequest");
export const returnCloseSchema = payload("returnClose");
export const returnProcessSchema = payload("returnProcess");

/** What processing and shipping a return need from Shopify: its line ids, reverse fulfillment orders and the order's payments. */
export const RETURN_DETAILS_QUERY = `#graphql
  query AftercareReturnDetails($id: ID!) {
    return(id: $id) {
      id
      status
      returnLineItems(first: 250) {
        nodes {
          id
          processableQuantity
          ... on ReturnLineItem {
            fulfillmentLineItem {
              id
            }
          }
        }
      }
      exchangeLineItems(first: 100) {
        nodes {
          id
          processableQuantity
        }
      }
      reverseFulfillmentOrders(first: 10) {
        nodes {
          id
          lineItems(first: 250) {
            nodes {
              id
              totalQuantity
            }
          }
        }
      }
      order {
        id
        transactions(first: 50) {
          id
          kind
          status
          amountSet {
            presentmentMoney {
              currencyCode
            }
          }
        }
      }
    }
  }
`;

export const returnDetailsSchema = z.object({
  return: z
    .object({
      id: z.string(),
      status: z.string(),
      returnLineItems: z.object({
        nodes: z.array(z.object({ id: z.string(), processableQuantity: z.number().int(), fulfillmentLineItem: z.object({ id: z.string() }).nullish() })),
      }),
      exchangeLineItems: z.object({ nodes: z.array(z.object({ id: z.string(), processableQuantity: z.number().int() })) }),
      reverseFulfillmentOrders: z.object({
        nodes: z.array(z.object({ id: z.string(), lineItems: z.object({ nodes: z.array(z.object({ id: z.string(), totalQuantity: z.number().int() })) }) })),
      }),
      order: z.object({
        id: z.string(),
        transactions: z.array(
          z.object({
            id: z.string(),
            kind: z.string(),
            status: z.string(),
            /** The currency the shopper paid in; a refund to this payment is in it. */
            amountSet: z.object({ presentmentMoney: z.object({ currencyCode: z.string() }) }).nullish(),
          }),
        ),
      }),
    })
    .nullable(),
});
export type ReturnDetails = NonNullable<z.infer<typeof returnDetailsSchema>["return"]>;

export const REVERSE_DELIVERY_MUTATION = `#graphql
  mutation AftercareReverseDelivery(
    $reverseFulfillmentOrderId: ID!
    $reverseDeliveryLineItems: [ReverseDeliveryLineItemInput!]!
    $trackingInput: ReverseDeliveryTrackingInput
    $labelInput: ReverseDeliveryLabelInput
  ) {
    reverseDeliveryCreateWithShipping(
      reverseFulfillmentOrderId: $reverseFulfillmentOrderId
      reverseDeliveryLineItems: $reverseDeliveryLineItems
      trackingInput: $trackingInput
      labelInput: $labelInput
      notifyCustomer: false
    ) {
      reverseDelivery {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const reverseDeliverySchema = z.object({
  reverseDeliveryCreateWithShipping: z.object({ reverseDelivery: z.object({ id: z.string() }).nullish(), userErrors: userErrorsSchema }),
});
