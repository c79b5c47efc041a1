// Operator work queues and oversight: disputes, manual spot-checks, seller quality and segment
// verification policy, ledger balances and settlement runs.
import { graphql } from '../../gql';

export const DisputesQueueQuery = graphql(`
  query DisputesQueue($status: DisputeStatus, $first: Int, $after: String, $search: String) {
    disputes(status: $status, first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
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
          sellerResponse
          sellerRespondedAt
          replacement {
            id
            price {
              amount
              currencyCode
            }
          }
          purchase {
            id
            price {
              amount
              currencyCode
            }
            purchasedAt
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
              capturedAt
              verification
              seller {
                id
                name
                qualityScore
              }
              contact {
                fullName
                phone
                email
                socialUrl
              }
              consent {
                text
                timestamp
                pageUrl
                certificate {
                  id
                  verified
                  pageUrl
                  consentText
                  timeOnPageMs
                  phoneEntry
                  emailEntry
                  issuedAt
                }
              }
              findings {
                stage
                code
                message
                severity
                createdAt
              }
            }
          }
        }
      }
    }
  }
`);

export const ResolveDisputeMutation = graphql(`
  mutation ResolveDispute($id: ID!, $decision: DisputeDecision!, $refundAmount: Decimal, $note: String) {
    resolveDispute(id: $id, decision: $decision, refundAmount: $refundAmount, note: $note) {
      id
      status
      refund {
        amount
        currencyCode
      }
      note
      resolvedAt
    }
  }
`);

export const RecordVerificationOutcomeMutation = graphql(`
  mutation RecordVerificationOutcome($taskId: ID!, $outcome: CallOutcome!, $note: String) {
    recordVerificationOutcome(taskId: $taskId, outcome: $outcome, note: $note) {
      batchVerdict
      task {
        id
        status
        outcome
        note
        doneAt
      }
    }
  }
`);

export const SetSellerSuspendedMutation = graphql(`
  mutation SetSellerSuspended($organizationId: ID!, $suspended: Boolean!) {
    setSellerSuspended(organizationId: $organizationId, suspended: $suspended) {
      id
      qualityScore
      suspended
      listedLeads
      batches
      failedBatches
    }
  }
`);

export const SegmentPoliciesQuery = graphql(`
  query SegmentPolicies {
    segments {
      code
      name
      verificationProvider
      failedBatchPolicy
      failureThreshold
    }
  }
`);

export const SetSegmentPolicyMutation = graphql(`
  mutation SetSegmentPolicy($segment: String!, $verificationProvider: VerificationProvider, $failedBatchPolicy: FailedBatchPolicy, $failureThreshold: Decimal) {
    setSegmentPolicy(
      segment: $segment
      verificationProvider: $verificationProvider
      failedBatchPolicy: $failedBatchPolicy
      failureThreshold: $failureThreshold
    ) {
      code
      verificationProvider
      failedBatchPolicy
      failureThreshold
    }
  }
`);

export const SegmentDistributionQuery = graphql(`
  query SegmentDistribution {
    segments {
      code
      name
      distributionMethod
      margin {
        kind
        amount {
          amount
          currencyCode
        }
        rate
      }
    }
  }
`);

export const SetSegmentDistributionMutation = graphql(`
  mutation SetSegmentDistribution($segment: String!, $distributionMethod: DistributionMethod, $margin: SegmentMarginInput) {
    setSegmentPolicy(segment: $segment, distributionMethod: $distributionMethod, margin: $margin) {
      code
      distributionMethod
      margin {
        kind
        amount {
          amount
          currencyCode
        }
        rate
      }
    }
  }
`);

export const LedgerBalancesQuery = graphql(`
  query LedgerBalances {
    ledgerBalances {
      account
      balance {
        amount
        currencyCode
      }
    }
  }
`);

export const SettlementRunsQuery = graphql(`
  query SettlementRuns($first: Int, $after: String) {
    settlementRuns(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          status
          asOf
          maturedSales
          maturedAmount {
            amount
            currencyCode
          }
          commission {
            amount
            currencyCode
          }
          payoutsCount
          payoutsAmount {
            amount
            currencyCode
          }
          report
          startedAt
          finishedAt
        }
      }
    }
  }
`);

export const RunSettlementMutation = graphql(`
  mutation RunSettlement {
    runSettlement {
      id
      status
      maturedSales
      maturedAmount {
        amount
        currencyCode
      }
      payoutsCount
      payoutsAmount {
        amount
        currencyCode
      }
    }
  }
`);
