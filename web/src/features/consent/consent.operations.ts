// Consent certificates (the printable evidence behind a lead) and the seller's form origins.
import { graphql } from '../../gql';

export const ConsentCertificateQuery = graphql(`
  query ConsentCertificate($id: ID!) {
    consentCertificate(id: $id) {
      id
      leadId
      verified
      pageUrl
      pageTitle
      consentText
      timeOnPageMs
      keystrokeToSubmitMs
      phoneEntry
      emailEntry
      issuedAt
    }
  }
`);

export const MyConsentOriginsQuery = graphql(`
  query MyConsentOrigins {
    myConsentOrigins {
      id
      origin
      createdAt
    }
  }
`);

export const AddConsentOriginMutation = graphql(`
  mutation AddConsentOrigin($origin: String!) {
    addConsentOrigin(origin: $origin) {
      id
      origin
      createdAt
    }
  }
`);

export const RemoveConsentOriginMutation = graphql(`
  mutation RemoveConsentOrigin($id: ID!) {
    removeConsentOrigin(id: $id)
  }
`);
