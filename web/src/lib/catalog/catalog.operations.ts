// The segment catalog (codes, subsegments, attribute schemas, commission) and volume tiers, used by several areas.
import { graphql } from '../../gql';

export const SegmentsQuery = graphql(`
  query Segments {
    segments {
      code
      name
      subsegments {
        code
        name
      }
      attributeSchema
      commissionRate
      returnWindowHours
      ttlDays
    }
  }
`);

export const VolumeTiersQuery = graphql(`
  query VolumeTiers {
    volumeTiers {
      minQuantity
      discountRate
    }
  }
`);
