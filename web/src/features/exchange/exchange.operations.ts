// Exchange mode for buyers: campaigns (standing bids), the prepaid wallet, the webhook endpoint and its deliveries.
import { graphql } from '../../gql';

export const CampaignFields = graphql(`
  fragment CampaignFields on Campaign {
    id
    name
    active
    maxBid {
      amount
      currencyCode
    }
    exclusivity
    dailyCap
    budget {
      amount
      currencyCode
    }
    spent {
      amount
      currencyCode
    }
    wonToday
    filter
    schedule {
      days
      from
      to
    }
    timeZone
    deliveryEndpointId
    priority
    weight
    kind
    pingUrl
    postUrl
    pingTimeoutMs
    responseMapping
    pausedReason
  }
`);

/** a REMOTE campaign's pings and posts, newest first */
export const RemoteCallsQuery = graphql(`
  query RemoteCalls($campaignId: ID!, $first: Int) {
    remoteCalls(campaignId: $campaignId, first: $first) {
      totalCount
      edges {
        node {
          id
          kind
          outcome
          latencyMs
          bid {
            amount
            currencyCode
          }
          reference
          httpStatus
          at
        }
      }
    }
  }
`);

/** a new campaign must show up even when the list held no Campaign before */
export const CAMPAIGN_CONTEXT = { additionalTypenames: ['Campaign'] };

export const CampaignFiguresFields = graphql(`
  fragment CampaignFiguresFields on CampaignFigures {
    leadsWon
    averagePrice {
      amount
      currencyCode
    }
    winRate
    lastWonAt
    matchingLeadsPerDay
    windowDays
  }
`);

export const MyCampaignsQuery = graphql(`
  query MyCampaigns {
    myCampaigns {
      ...CampaignFields
      figures {
        ...CampaignFiguresFields
      }
    }
  }
`);

export const CreateCampaignMutation = graphql(`
  mutation CreateCampaign($input: CampaignInput!) {
    createCampaign(input: $input) {
      ...CampaignFields
    }
  }
`);

export const UpdateCampaignMutation = graphql(`
  mutation UpdateCampaign($id: ID!, $input: CampaignInput!) {
    updateCampaign(id: $id, input: $input) {
      ...CampaignFields
    }
  }
`);

export const SetCampaignActiveMutation = graphql(`
  mutation SetCampaignActive($id: ID!, $active: Boolean!) {
    setCampaignActive(id: $id, active: $active) {
      id
      active
    }
  }
`);

export const WalletQuery = graphql(`
  query Wallet {
    wallet {
      balance {
        amount
        currencyCode
      }
    }
  }
`);

export const TopUpWalletMutation = graphql(`
  mutation TopUpWallet($amount: Decimal!, $idempotencyKey: String) {
    topUpWallet(amount: $amount, idempotencyKey: $idempotencyKey) {
      url
      sessionId
    }
  }
`);

export const SetWebhookEndpointMutation = graphql(`
  mutation SetWebhookEndpoint($url: String!) {
    setWebhookEndpoint(url: $url) {
      id
      url
      secret
    }
  }
`);

export const WebhookEndpointQuery = graphql(`
  query WebhookEndpoint {
    webhookEndpoint {
      id
      url
    }
  }
`);

// cancels the deliveries still pending for the endpoint; false when there was none
export const RemoveWebhookEndpointMutation = graphql(`
  mutation RemoveWebhookEndpoint {
    removeWebhookEndpoint
  }
`);

export const MyDeliveriesQuery = graphql(`
  query MyDeliveries {
    myDeliveries {
      id
      purchaseId
      status
      attempts
      lastStatus
      lastError
      createdAt
      deliveredAt
      nextAttemptAt
      lead {
        id
        segment
        subsegment
        city
        region
        country
      }
      attemptLog {
        attempt
        httpStatus
        error
        responseBody
        durationMs
        at
      }
    }
  }
`);

// the answer's attemptLog is always empty (the API does not load it here): the list is fetched again instead
export const RedeliverMutation = graphql(`
  mutation Redeliver($deliveryId: ID!) {
    redeliver(deliveryId: $deliveryId) {
      id
      status
    }
  }
`);

export const WalletTransactionFields = graphql(`
  fragment WalletTransactionFields on WalletTransaction {
    id
    kind
    description
    amount {
      amount
      currencyCode
    }
    balanceAfter {
      amount
      currencyCode
    }
    occurredAt
    orderId
    leadIds
    campaignName
    paymentIntentId
  }
`);

export const WalletTransactionsQuery = graphql(`
  query WalletTransactions($first: Int, $offset: Int) {
    walletTransactions(first: $first, offset: $offset) {
      totalCount
      offset
      hasNextPage
      nodes {
        ...WalletTransactionFields
      }
    }
  }
`);

export const WalletTransactionQuery = graphql(`
  query WalletTransaction($id: ID!) {
    walletTransaction(id: $id) {
      ...WalletTransactionFields
    }
  }
`);
