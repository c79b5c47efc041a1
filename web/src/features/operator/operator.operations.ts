// Operator pricing controls: the base price grid, price factors and per-segment commission.
import { graphql } from '../../gql';

export const PriceGridQuery = graphql(`
  query PriceGrid {
    priceGrid {
      segment
      subsegment
      geoTier
      baseAmount {
        amount
        currencyCode
      }
    }
  }
`);

export const SetPriceGridMutation = graphql(`
  mutation SetPriceGrid($input: [PriceGridEntryInput!]!) {
    setPriceGrid(input: $input) {
      segment
      subsegment
      geoTier
      baseAmount {
        amount
        currencyCode
      }
    }
  }
`);

export const PriceFactorsQuery = graphql(`
  query PriceFactors {
    priceFactors {
      name
      value
    }
  }
`);

export const SetPriceFactorsMutation = graphql(`
  mutation SetPriceFactors($input: [PriceFactorInput!]!) {
    setPriceFactors(input: $input) {
      name
      value
    }
  }
`);

export const SetCommissionRateMutation = graphql(`
  mutation SetCommissionRate($segment: String!, $rate: Decimal!) {
    setCommissionRate(segment: $segment, rate: $rate) {
      code
      commissionRate
    }
  }
`);
