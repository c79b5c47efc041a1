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
    myStanding
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
  query Marketplace($filter: LeadFilter, $sort: LeadSort, $first: Int, $offset: Int) {
    marketplace(filter: $filter, sort: $sort, first: $first, offset: $offset) {
      totalCountCapped {
        count
        capped
      }
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

/** Everything the lead drawer shows: the card's fields, every attribute, consent, the seller's record and the price. */
export const LeadDetailQuery = graphql(`
  query LeadDetail($id: ID!) {
    lead(id: $id) {
      ...LeadCardFields
      sourceChannel
      status
      attributes
      consentSummary {
        recorded
        certified
        certificateVerified
      }
      sellerRecord {
        sales
        disputes
        upheld
        disputeRate
        upheldRate
      }
      priceBreakdown {
        base {
          amount
          currencyCode
        }
        askingPrice
        factors {
          name
          basis
          multiplier
        }
        computed {
          amount
          currencyCode
        }
      }
    }
  }
`);

export const GeoCountriesQuery = graphql(`
  query GeoCountries {
    geoCountries
  }
`);

export const GeoRegionsQuery = graphql(`
  query GeoRegions($country: String!) {
    geoRegions(country: $country) {
      code
      name
    }
  }
`);

export const MatchingOrderEstimateQuery = graphql(`
  query MatchingOrderEstimate($matching: LeadFilter, $quantity: Int!) {
    matchingOrderEstimate(matching: $matching, quantity: $quantity) {
      available
      discountBps
      subtotal {
        amount
        currencyCode
      }
      total {
        amount
        currencyCode
      }
    }
  }
`);
