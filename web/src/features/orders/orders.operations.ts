// Orders: reserve leads (picked or N matching a filter), pay through Stripe Checkout or from the wallet, cancel.
import { graphql } from '../../gql';

export const OrderFields = graphql(`
  fragment OrderFields on Order {
    id
    status
    total {
      amount
      currencyCode
    }
    expiresAt
    createdAt
    paidAt
    paidWith
    lines {
      price {
        amount
        currencyCode
      }
      lead {
        id
        segment
        subsegment
        country
        region
        city
        kind
        temperature
        exclusivity
        verification
        preview {
          initials
          phone
          email
          city
        }
      }
    }
  }
`);

export const CreateOrderMutation = graphql(`
  mutation CreateOrder($input: CreateOrderInput!, $idempotencyKey: String) {
    createOrder(input: $input, idempotencyKey: $idempotencyKey) {
      ...OrderFields
    }
  }
`);

export const OrderQuery = graphql(`
  query Order($id: ID!) {
    order(id: $id) {
      ...OrderFields
    }
  }
`);

export const CheckoutOrderMutation = graphql(`
  mutation CheckoutOrder($orderId: ID!) {
    checkoutOrder(orderId: $orderId) {
      url
      sessionId
    }
  }
`);

export const CancelOrderMutation = graphql(`
  mutation CancelOrder($orderId: ID!) {
    cancelOrder(orderId: $orderId) {
      ...OrderFields
    }
  }
`);

export const PayOrderFromWalletMutation = graphql(`
  mutation PayOrderFromWallet($orderId: ID!, $idempotencyKey: String) {
    payOrderFromWallet(orderId: $orderId, idempotencyKey: $idempotencyKey) {
      ...OrderFields
    }
  }
`);

export const OrderWalletQuery = graphql(`
  query OrderWallet {
    wallet {
      balance {
        amount
        currencyCode
      }
    }
  }
`);

export const OrderSummaryFields = graphql(`
  fragment OrderSummaryFields on Order {
    id
    status
    total {
      amount
      currencyCode
    }
    leadCount
    paidWith
    expiresAt
    createdAt
    paidAt
  }
`);

export const MyOrdersQuery = graphql(`
  query MyOrders($status: OrderStatus, $first: Int, $after: String) {
    myOrders(status: $status, first: $first, after: $after) {
      totalCount
      edges {
        node {
          ...OrderSummaryFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const PendingOrderQuery = graphql(`
  query PendingOrder {
    myOrders(status: RESERVED, first: 1) {
      totalCount
      edges {
        node {
          ...OrderSummaryFields
        }
      }
    }
  }
`);
