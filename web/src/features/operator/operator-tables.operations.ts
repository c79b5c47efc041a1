// Operator tables searched and paged by offset (sellers, ledger accounts, spot-check tasks) and the overview.
import { graphql } from '../../gql';

export const OperatorSellersQuery = graphql(`
  query OperatorSellers($search: String, $first: Int, $offset: Int) {
    sellers(search: $search, first: $first, offset: $offset) {
      totalCount
      items {
        id
        name
        emailDomain
        qualityScore
        suspended
        listedLeads
        batches
        failedBatches
        evidenceCount
        qualityUpperBound
      }
    }
  }
`);

export const LedgerAccountsQuery = graphql(`
  query LedgerAccounts($search: String, $first: Int, $offset: Int) {
    ledgerAccounts(search: $search, first: $first, offset: $offset) {
      totalCount
      items {
        account
        kind
        normalBalance
        organization {
          id
          name
        }
        balance {
          amount
          currencyCode
        }
        postings
        lastPostingAt
      }
    }
  }
`);

export const VerificationTaskPageQuery = graphql(`
  query VerificationTaskPage($status: VerificationTaskStatus, $search: String, $first: Int, $offset: Int) {
    verificationTaskPage(status: $status, search: $search, first: $first, offset: $offset) {
      totalCount
      items {
        id
        batchId
        status
        outcome
        note
        createdAt
        doneAt
        lead {
          id
          segment
          subsegment
          country
          region
          city
          kind
          capturedAt
          seller {
            id
            name
            qualityScore
          }
          contact {
            fullName
            phone
            email
            preferredContactTime
          }
        }
      }
    }
  }
`);

export const OperatorOverviewQuery = graphql(`
  query OperatorOverview($days: Int!) {
    operatorOverview(days: $days) {
      days
      since
      currencyCode
      daily {
        date
        sales
        salesAmount {
          amount
          currencyCode
        }
        commission {
          amount
          currencyCode
        }
        disputesOpened
        batchesChecked
        batchesFailed
      }
      totals {
        sales
        salesAmount {
          amount
          currencyCode
        }
        commission {
          amount
          currencyCode
        }
        disputesOpened
        disputeRate
        batchesChecked
        batchesFailed
        spotCheckFailureRate
      }
      topSellers {
        id
        name
        emailDomain
        sales
        amount {
          amount
          currencyCode
        }
      }
      topBuyers {
        id
        name
        emailDomain
        sales
        amount {
          amount
          currencyCode
        }
      }
    }
  }
`);
