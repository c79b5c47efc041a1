// Seller operations: submitting leads, listings and their lifecycle, API keys.
import { graphql } from '../../gql';

export const SubmitLeadsMutation = graphql(`
  mutation SubmitLeads($input: [LeadInput!]!) {
    submitLeads(input: $input) {
      id
      accepted
      rejected
      status
      results {
        index
        issues {
          code
          field
          message
          severity
        }
        lead {
          id
          status
          verification
          score
          temperature
          price {
            amount
            currencyCode
          }
        }
      }
    }
  }
`);

export const MyListingsQuery = graphql(`
  query MyListings($filter: LeadFilter, $first: Int, $after: String, $search: String) {
    myListings(filter: $filter, first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          segment
          subsegment
          country
          region
          city
          kind
          temperature
          score
          capturedAt
          exclusivity
          maxSales
          salesCount
          status
          verification
          erased
          price {
            amount
            currencyCode
          }
          preview {
            initials
            phone
            email
            city
          }
          signals {
            code
            message
          }
          findings {
            stage
            code
            message
            severity
          }
        }
      }
    }
  }
`);

export const WithdrawLeadMutation = graphql(`
  mutation WithdrawLead($id: ID!) {
    withdrawLead(id: $id) {
      id
      status
    }
  }
`);

export const EraseLeadContactMutation = graphql(`
  mutation EraseLeadContact($id: ID!) {
    eraseLeadContact(id: $id) {
      id
      erased
      preview {
        initials
        phone
        email
        city
      }
    }
  }
`);

export const MyApiKeysQuery = graphql(`
  query MyApiKeys {
    myApiKeys {
      id
      name
      prefix
      scopes
      expiresAt
      createdAt
      lastUsedAt
      revokedAt
    }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($name: String!, $scopes: [ApiKeyScope!], $expiresAt: DateTime) {
    createApiKey(name: $name, scopes: $scopes, expiresAt: $expiresAt) {
      key
      apiKey {
        id
        name
        prefix
        scopes
        expiresAt
        createdAt
        lastUsedAt
        revokedAt
      }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`);

export const MySalesQuery = graphql(`
  query MySales($first: Int, $after: String, $search: String) {
    mySales(first: $first, after: $after, search: $search) {
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
          commission {
            amount
            currencyCode
          }
          sellerNet {
            amount
            currencyCode
          }
          refunded {
            amount
            currencyCode
          }
          purchasedAt
          status
          outcome
          disputeStatus
          lead {
            id
            segment
            subsegment
            country
            region
            city
            sourceChannel
          }
        }
      }
    }
  }
`);

export const MyPayoutsQuery = graphql(`
  query MyPayouts {
    myPayouts {
      id
      amount {
        amount
        currencyCode
      }
      status
      stripeTransferId
      createdAt
      sentAt
    }
  }
`);

export const ConnectPayoutAccountMutation = graphql(`
  mutation ConnectPayoutAccount {
    connectPayoutAccount {
      url
      accountId
    }
  }
`);

/** The returns of the seller's leads: the buyer's reason and evidence, and the seller's own answer. */
export const SellerDisputesQuery = graphql(`
  query SellerDisputes($status: DisputeStatus, $first: Int, $after: String) {
    disputes(status: $status, first: $first, after: $after) {
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
          remedy
          autoCheck
          openedAt
          resolvedAt
          sellerResponse
          sellerRespondedAt
          purchase {
            id
            price {
              amount
              currencyCode
            }
            purchasedAt
            lead {
              id
              segment
              city
              region
              country
            }
          }
        }
      }
    }
  }
`);

export const RespondToDisputeMutation = graphql(`
  mutation RespondToDispute($id: ID!, $evidence: String!) {
    respondToDispute(id: $id, evidence: $evidence) {
      id
      sellerResponse
      sellerRespondedAt
    }
  }
`);
