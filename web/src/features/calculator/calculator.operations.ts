// Campaign arithmetic and grid price quotes (open to everyone).
import { graphql } from '../../gql';

export const CplCalculatorQuery = graphql(`
  query CplCalculator($clicks: Int!, $costPerClick: Decimal!, $leads: Int!) {
    cplCalculator(clicks: $clicks, costPerClick: $costPerClick, leads: $leads) {
      budget {
        amount
        currencyCode
      }
      costPerLead {
        amount
        currencyCode
      }
      conversionRate
    }
  }
`);

export const PriceQuoteQuery = graphql(`
  query PriceQuote($input: PriceQuoteInput!) {
    priceQuote(input: $input) {
      amount
      currencyCode
    }
  }
`);
