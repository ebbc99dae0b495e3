/**
 * The Admin GraphQL documents of reconciliation. Shopify refuses a query whose requested cost exceeds
 * 1,000 points (connections cost 2 + page size × node cost), so a page of 50 orders can list versions but
 * not carry every order's line items and fulfillment events: reconciliation lists versions cheaply and
 * reads the details only of orders that differ from what we hold, a few per request.
 */

/** Orders per version-listing page (Shopify's usual page size; about 650 points). */
export const ORDERS_PER_PAGE = 50;
/**
 * Fulfillments listed per order, each with its newest event (a dropped fulfillment_events webhook leaves
 * the fulfillment's own version current). An order listing this many may have more: its details are read.
 */
export const FULFILLMENTS_PER_LISTED_ORDER = 4;
/** Orders per details request (each order costs about 470 points). */
export const ORDERS_PER_DETAILS_REQUEST = 2;

export const ORDER_VERSIONS_QUERY = `#graphql
  query ReconcileOrderVersions($first: Int!, $after: String, $query: String!, $fulfillmentsPerOrder: Int!) {
    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        updatedAt
        fulfillments(first: $fulfillmentsPerOrder) {
          id
          updatedAt
          events(first: 1, sortKey: ID, reverse: true) {
            nodes {
              id
            }
          }
        }
      }
    }
  }
`;

export const ORDER_DETAILS_QUERY = `#graphql
  query ReconcileOrderDetails($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Order {
        id
        name
        email
        phone
        customerLocale
        currencyCode
        totalPriceSet {
          shopMoney {
            amount
          }
        }
        displayFinancialStatus
        displayFulfillmentStatus
        tags
        statusPageUrl
        discountCodes
        shippingAddress {
          firstName
          city
          province
          provinceCode
          country
          countryCodeV2
          zip
        }
        customer {
          id
          firstName
          locale
          updatedAt
          defaultEmailAddress {
            emailAddress
          }
          defaultPhoneNumber {
            phoneNumber
            marketingState
          }
        }
        cancelledAt
        cancelReason
        closedAt
        processedAt
        createdAt
        updatedAt
        shippingLines(first: 5, includeRemovals: true) {
          nodes {
            id
            title
            code
            source
            carrierIdentifier
            originalPriceSet {
              shopMoney {
                amount
                currencyCode
              }
            }
            discountedPriceSet {
              shopMoney {
                amount
              }
            }
            isRemoved
          }
        }
        lineItems(first: 50) {
          nodes {
            id
            title
            variantTitle
            sku
            vendor
            quantity
            requiresShipping
            product {
              id
            }
            variant {
              id
            }
            originalUnitPriceSet {
              shopMoney {
                amount
              }
            }
          }
        }
        fulfillments(first: 10) {
          id
          name
          status
          displayStatus
          createdAt
          updatedAt
          estimatedDeliveryAt
          service {
            handle
          }
          trackingInfo(first: 10) {
            company
            number
            url
          }
          fulfillmentLineItems(first: 10) {
            nodes {
              quantity
              lineItem {
                id
              }
            }
          }
          events(first: 10, sortKey: HAPPENED_AT, reverse: true) {
            nodes {
              id
              status
              happenedAt
              message
              city
              province
              country
              zip
              estimatedDeliveryAt
            }
          }
        }
      }
    }
  }
`;
