// What the buyer dashboard aggregates: every purchase's price, date, outcome and refund (no contact data:
// reading contacts is audited, and the dashboard does not need them).
import { graphql } from '../../gql';

export const DashboardPurchasesQuery = graphql(`
  query DashboardPurchases($first: Int, $after: String) {
    myPurchases(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          price {
            amount
            currencyCode
          }
          purchasedAt
          outcome
          status
          lead {
            id
            segment
          }
          dispute {
            id
            status
            refund {
              amount
              currencyCode
            }
            resolvedAt
          }
        }
      }
    }
  }
`);
