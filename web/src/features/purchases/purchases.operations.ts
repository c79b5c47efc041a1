// A buyer's purchased leads: full contact, CRM outcome, disputes and refunds.
import { graphql } from '../../gql';

export const DisputeFields = graphql(`
  fragment DisputeFields on Dispute {
    id
    reason
    evidence
    status
    refund {
      amount
      currencyCode
    }
    note
    autoCheck
    recheck {
      name
      passed
      checkedAt
    }
    autoDecided
    openedAt
    resolvedAt
    remedy
    replacement {
      id
    }
  }
`);

export const MyPurchasesQuery = graphql(`
  query MyPurchases($first: Int, $after: String, $filter: PurchaseFilter, $sort: PurchaseSort) {
    myPurchases(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          price {
            amount
            currencyCode
          }
          purchasedAt
          outcome
          outcomeReason
          status
          lead {
            id
            segment
            subsegment
            country
            region
            city
            kind
            sourceChannel
            contact {
              fullName
              phone
              email
              socialUrl
              preferredContactTime
            }
            consent {
              text
              timestamp
              ip
              pageUrl
              certificate {
                id
                verified
              }
            }
          }
          dispute {
            ...DisputeFields
          }
        }
      }
    }
  }
`);

export const UpdateLeadOutcomeMutation = graphql(`
  mutation UpdateLeadOutcome($purchaseId: ID!, $outcome: LeadOutcome!, $reason: String) {
    updateLeadOutcome(purchaseId: $purchaseId, outcome: $outcome, reason: $reason) {
      id
      outcome
      outcomeReason
    }
  }
`);

export const OpenDisputeMutation = graphql(`
  mutation OpenDispute($input: OpenDisputeInput!, $idempotencyKey: String) {
    openDispute(input: $input, idempotencyKey: $idempotencyKey) {
      ...DisputeFields
      purchase {
        id
        status
      }
    }
  }
`);

/** The return policy that applies to the buyer in a segment: what the dispute form offers. */
export const ReturnPolicyQuery = graphql(`
  query ReturnPolicy($segment: String!) {
    returnPolicy(segment: $segment) {
      segment
      windowHours
      allowedReasons
      allowedRemedies
    }
  }
`);

export const UpdateLeadOutcomesMutation = graphql(`
  mutation UpdateLeadOutcomes($purchaseIds: [ID!]!, $outcome: LeadOutcome!, $reason: String) {
    updateLeadOutcomes(purchaseIds: $purchaseIds, outcome: $outcome, reason: $reason) {
      id
      outcome
      outcomeReason
    }
  }
`);
