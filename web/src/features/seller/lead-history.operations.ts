// A lead's history (seller and operators): shown when a row of the listings or sales table is opened.
import { graphql } from '../../gql';

export const LeadHistoryQuery = graphql(`
  query LeadHistory($id: ID!) {
    lead(id: $id) {
      id
      history {
        at
        kind
        detail
        severity
        amount {
          amount
          currencyCode
        }
        saleId
        disputeReason
        disputeStatus
      }
    }
  }
`);
