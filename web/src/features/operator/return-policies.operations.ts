// GraphQL operations of the operator's return-policy page.
import { graphql } from '../../gql';

export const ReturnPolicySettingsQuery = graphql(`
  query ReturnPolicySettings($segment: String, $buyerOrgId: ID) {
    returnPolicySettings(segment: $segment, buyerOrgId: $buyerOrgId) {
      segment
      buyerOrgId
      windowHours
      allowedReasons
      autoAccept {
        reason
        withinHours
      }
      maxReturnRatePercent
      rateLookbackDays
      rateMinPurchases
      allowedRemedies
      updatedAt
    }
  }
`);

export const SetSegmentReturnPolicyMutation = graphql(`
  mutation SetSegmentReturnPolicy($segment: String!, $input: ReturnPolicyInput!) {
    setReturnPolicy(segment: $segment, input: $input) {
      segment
      updatedAt
    }
  }
`);

export const SetBuyerReturnPolicyMutation = graphql(`
  mutation SetBuyerReturnPolicy($buyerOrgId: ID!, $input: ReturnPolicyInput!) {
    setBuyerReturnPolicy(buyerOrgId: $buyerOrgId, input: $input) {
      buyerOrgId
      updatedAt
    }
  }
`);

/** the settings are re-read after a save */
export const RETURN_POLICY_CONTEXT = { additionalTypenames: ['ReturnPolicySettings'] };
