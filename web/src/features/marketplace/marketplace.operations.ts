// Browsing listed leads: masked previews, filters, sort and Relay pagination.
import { graphql } from '../../gql';

export const LeadCardFields = graphql(`
  fragment LeadCardFields on Lead {
    id
    segment
    subsegment
    country
    region
    city
    geoTier
    kind
    temperature
    score
    capturedAt
    exclusivity
    maxSales
    salesCount
    verification
    price {
      amount
      currencyCode
    }
    seller {
      id
      name
      qualityScore
    }
    sellerConversion {
      rate
      outcomes
      factor
    }
    preview {
      initials
      phone
      email
      city
    }
    checks {
      name
      passed
      checkedAt
    }
  }
`);

export const MarketplaceQuery = graphql(`
  query Marketplace($filter: LeadFilter, $sort: LeadSort, $first: Int, $after: String) {
    marketplace(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...LeadCardFields
        }
      }
    }
  }
`);
