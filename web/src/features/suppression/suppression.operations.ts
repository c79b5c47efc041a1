// Buyer: the suppression list (their own customers, never sold back to them).
import { graphql } from '../../gql';

export const SuppressionListQuery = graphql(`
  query SuppressionList {
    suppressionList {
      size
      updatedAt
    }
  }
`);

export const AddSuppressedContactsMutation = graphql(`
  mutation AddSuppressedContacts($contacts: [SuppressedContactInput!]!) {
    addSuppressedContacts(contacts: $contacts) {
      size
      updatedAt
    }
  }
`);

export const RemoveSuppressedContactsMutation = graphql(`
  mutation RemoveSuppressedContacts($contacts: [SuppressedContactInput!]!) {
    removeSuppressedContacts(contacts: $contacts) {
      size
      updatedAt
    }
  }
`);
