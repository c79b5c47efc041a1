// GraphQL documents the tests send, written once.
import { gql } from 'graphql-request';

export const SIGN_UP = gql`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      token
      user {
        id
        email
        role
        organization {
          id
          name
        }
      }
    }
  }
`;

export const SIGN_IN = gql`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      token
      user {
        id
        role
      }
    }
  }
`;

export const CREATE_API_KEY = gql`
  mutation CreateApiKey($name: String!) {
    createApiKey(name: $name) {
      key
      apiKey {
        id
        name
        prefix
      }
    }
  }
`;

export const LEAD_FIELDS = gql`
  fragment LeadFields on Lead {
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
    sourceChannel
    capturedAt
    exclusivity
    maxSales
    salesCount
    status
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
    preview {
      initials
      phone
      email
      city
    }
    attributes
  }
`;

export const SUBMIT_LEADS = gql`
  mutation SubmitLeads($input: [LeadInput!]!) {
    submitLeads(input: $input) {
      id
      accepted
      rejected
      status
      results {
        index
        lead {
          id
          status
          score
          temperature
          price {
            amount
            currencyCode
          }
          preview {
            initials
            phone
            email
          }
        }
        issues {
          code
          field
          message
          severity
        }
      }
    }
  }
`;

export const MARKETPLACE = gql`
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
          ...LeadFields
          contact {
            fullName
            phone
            email
          }
        }
      }
    }
  }
  ${LEAD_FIELDS}
`;

export const LEAD = gql`
  query Lead($id: ID!) {
    lead(id: $id) {
      ...LeadFields
      contact {
        fullName
        phone
        email
      }
    }
  }
  ${LEAD_FIELDS}
`;

export const MY_LISTINGS = gql`
  query MyListings($filter: LeadFilter, $first: Int, $after: String) {
    myListings(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          verification
        }
      }
    }
  }
`;
