/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      id\n      email\n      name\n      role\n      organization { id name kind qualityScore suspended }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user { id name role }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user { id name role }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query CplCalculator($clicks: Int!, $costPerClick: Decimal!, $leads: Int!) {\n    cplCalculator(clicks: $clicks, costPerClick: $costPerClick, leads: $leads) {\n      budget { amount currencyCode }\n      costPerLead { amount currencyCode }\n      conversionRate\n    }\n  }\n": typeof types.CplCalculatorDocument,
    "\n  query PriceQuote($input: PriceQuoteInput!) {\n    priceQuote(input: $input) { amount currencyCode }\n  }\n": typeof types.PriceQuoteDocument,
    "\n  fragment LeadCardFields on Lead {\n    id\n    segment\n    subsegment\n    country\n    region\n    city\n    geoTier\n    kind\n    temperature\n    score\n    capturedAt\n    exclusivity\n    maxSales\n    salesCount\n    verification\n    price { amount currencyCode }\n    seller { id name qualityScore }\n    preview { initials phone email city }\n  }\n": typeof types.LeadCardFieldsFragmentDoc,
    "\n  query Marketplace($filter: LeadFilter, $sort: LeadSort, $first: Int, $after: String) {\n    marketplace(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { ...LeadCardFields } }\n    }\n  }\n": typeof types.MarketplaceDocument,
    "\n  query PriceGrid {\n    priceGrid { segment subsegment geoTier baseAmount { amount currencyCode } }\n  }\n": typeof types.PriceGridDocument,
    "\n  mutation SetPriceGrid($input: [PriceGridEntryInput!]!) {\n    setPriceGrid(input: $input) { segment subsegment geoTier baseAmount { amount currencyCode } }\n  }\n": typeof types.SetPriceGridDocument,
    "\n  query PriceFactors {\n    priceFactors { name value }\n  }\n": typeof types.PriceFactorsDocument,
    "\n  mutation SetPriceFactors($input: [PriceFactorInput!]!) {\n    setPriceFactors(input: $input) { name value }\n  }\n": typeof types.SetPriceFactorsDocument,
    "\n  mutation SetCommissionRate($segment: String!, $rate: Decimal!) {\n    setCommissionRate(segment: $segment, rate: $rate) { code commissionRate }\n  }\n": typeof types.SetCommissionRateDocument,
    "\n  mutation SubmitLeads($input: [LeadInput!]!) {\n    submitLeads(input: $input) {\n      id\n      accepted\n      rejected\n      status\n      results {\n        index\n        issues { code field message severity }\n        lead { id status verification score temperature price { amount currencyCode } }\n      }\n    }\n  }\n": typeof types.SubmitLeadsDocument,
    "\n  query MyListings($filter: LeadFilter, $first: Int, $after: String) {\n    myListings(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          segment\n          subsegment\n          country\n          region\n          city\n          kind\n          temperature\n          score\n          capturedAt\n          exclusivity\n          maxSales\n          salesCount\n          status\n          verification\n          erased\n          price { amount currencyCode }\n          preview { initials phone email city }\n          signals { code message }\n        }\n      }\n    }\n  }\n": typeof types.MyListingsDocument,
    "\n  mutation WithdrawLead($id: ID!) {\n    withdrawLead(id: $id) { id status }\n  }\n": typeof types.WithdrawLeadDocument,
    "\n  mutation EraseLeadContact($id: ID!) {\n    eraseLeadContact(id: $id) { id erased preview { initials phone email city } }\n  }\n": typeof types.EraseLeadContactDocument,
    "\n  query MyApiKeys {\n    myApiKeys { id name prefix createdAt lastUsedAt revokedAt }\n  }\n": typeof types.MyApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!) {\n    createApiKey(name: $name) {\n      key\n      apiKey { id name prefix createdAt lastUsedAt revokedAt }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query Segments {\n    segments {\n      code\n      name\n      subsegments { code name }\n      attributeSchema\n      commissionRate\n      returnWindowHours\n      ttlDays\n    }\n  }\n": typeof types.SegmentsDocument,
    "\n  query VolumeTiers {\n    volumeTiers { minQuantity discountRate }\n  }\n": typeof types.VolumeTiersDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      email\n      name\n      role\n      organization { id name kind qualityScore suspended }\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user { id name role }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user { id name role }\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query CplCalculator($clicks: Int!, $costPerClick: Decimal!, $leads: Int!) {\n    cplCalculator(clicks: $clicks, costPerClick: $costPerClick, leads: $leads) {\n      budget { amount currencyCode }\n      costPerLead { amount currencyCode }\n      conversionRate\n    }\n  }\n": types.CplCalculatorDocument,
    "\n  query PriceQuote($input: PriceQuoteInput!) {\n    priceQuote(input: $input) { amount currencyCode }\n  }\n": types.PriceQuoteDocument,
    "\n  fragment LeadCardFields on Lead {\n    id\n    segment\n    subsegment\n    country\n    region\n    city\n    geoTier\n    kind\n    temperature\n    score\n    capturedAt\n    exclusivity\n    maxSales\n    salesCount\n    verification\n    price { amount currencyCode }\n    seller { id name qualityScore }\n    preview { initials phone email city }\n  }\n": types.LeadCardFieldsFragmentDoc,
    "\n  query Marketplace($filter: LeadFilter, $sort: LeadSort, $first: Int, $after: String) {\n    marketplace(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { ...LeadCardFields } }\n    }\n  }\n": types.MarketplaceDocument,
    "\n  query PriceGrid {\n    priceGrid { segment subsegment geoTier baseAmount { amount currencyCode } }\n  }\n": types.PriceGridDocument,
    "\n  mutation SetPriceGrid($input: [PriceGridEntryInput!]!) {\n    setPriceGrid(input: $input) { segment subsegment geoTier baseAmount { amount currencyCode } }\n  }\n": types.SetPriceGridDocument,
    "\n  query PriceFactors {\n    priceFactors { name value }\n  }\n": types.PriceFactorsDocument,
    "\n  mutation SetPriceFactors($input: [PriceFactorInput!]!) {\n    setPriceFactors(input: $input) { name value }\n  }\n": types.SetPriceFactorsDocument,
    "\n  mutation SetCommissionRate($segment: String!, $rate: Decimal!) {\n    setCommissionRate(segment: $segment, rate: $rate) { code commissionRate }\n  }\n": types.SetCommissionRateDocument,
    "\n  mutation SubmitLeads($input: [LeadInput!]!) {\n    submitLeads(input: $input) {\n      id\n      accepted\n      rejected\n      status\n      results {\n        index\n        issues { code field message severity }\n        lead { id status verification score temperature price { amount currencyCode } }\n      }\n    }\n  }\n": types.SubmitLeadsDocument,
    "\n  query MyListings($filter: LeadFilter, $first: Int, $after: String) {\n    myListings(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          segment\n          subsegment\n          country\n          region\n          city\n          kind\n          temperature\n          score\n          capturedAt\n          exclusivity\n          maxSales\n          salesCount\n          status\n          verification\n          erased\n          price { amount currencyCode }\n          preview { initials phone email city }\n          signals { code message }\n        }\n      }\n    }\n  }\n": types.MyListingsDocument,
    "\n  mutation WithdrawLead($id: ID!) {\n    withdrawLead(id: $id) { id status }\n  }\n": types.WithdrawLeadDocument,
    "\n  mutation EraseLeadContact($id: ID!) {\n    eraseLeadContact(id: $id) { id erased preview { initials phone email city } }\n  }\n": types.EraseLeadContactDocument,
    "\n  query MyApiKeys {\n    myApiKeys { id name prefix createdAt lastUsedAt revokedAt }\n  }\n": types.MyApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!) {\n    createApiKey(name: $name) {\n      key\n      apiKey { id name prefix createdAt lastUsedAt revokedAt }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query Segments {\n    segments {\n      code\n      name\n      subsegments { code name }\n      attributeSchema\n      commissionRate\n      returnWindowHours\n      ttlDays\n    }\n  }\n": types.SegmentsDocument,
    "\n  query VolumeTiers {\n    volumeTiers { minQuantity discountRate }\n  }\n": types.VolumeTiersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      name\n      role\n      organization { id name kind qualityScore suspended }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      email\n      name\n      role\n      organization { id name kind qualityScore suspended }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user { id name role }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user { id name role }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user { id name role }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user { id name role }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CplCalculator($clicks: Int!, $costPerClick: Decimal!, $leads: Int!) {\n    cplCalculator(clicks: $clicks, costPerClick: $costPerClick, leads: $leads) {\n      budget { amount currencyCode }\n      costPerLead { amount currencyCode }\n      conversionRate\n    }\n  }\n"): (typeof documents)["\n  query CplCalculator($clicks: Int!, $costPerClick: Decimal!, $leads: Int!) {\n    cplCalculator(clicks: $clicks, costPerClick: $costPerClick, leads: $leads) {\n      budget { amount currencyCode }\n      costPerLead { amount currencyCode }\n      conversionRate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PriceQuote($input: PriceQuoteInput!) {\n    priceQuote(input: $input) { amount currencyCode }\n  }\n"): (typeof documents)["\n  query PriceQuote($input: PriceQuoteInput!) {\n    priceQuote(input: $input) { amount currencyCode }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadCardFields on Lead {\n    id\n    segment\n    subsegment\n    country\n    region\n    city\n    geoTier\n    kind\n    temperature\n    score\n    capturedAt\n    exclusivity\n    maxSales\n    salesCount\n    verification\n    price { amount currencyCode }\n    seller { id name qualityScore }\n    preview { initials phone email city }\n  }\n"): (typeof documents)["\n  fragment LeadCardFields on Lead {\n    id\n    segment\n    subsegment\n    country\n    region\n    city\n    geoTier\n    kind\n    temperature\n    score\n    capturedAt\n    exclusivity\n    maxSales\n    salesCount\n    verification\n    price { amount currencyCode }\n    seller { id name qualityScore }\n    preview { initials phone email city }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Marketplace($filter: LeadFilter, $sort: LeadSort, $first: Int, $after: String) {\n    marketplace(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { ...LeadCardFields } }\n    }\n  }\n"): (typeof documents)["\n  query Marketplace($filter: LeadFilter, $sort: LeadSort, $first: Int, $after: String) {\n    marketplace(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { ...LeadCardFields } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PriceGrid {\n    priceGrid { segment subsegment geoTier baseAmount { amount currencyCode } }\n  }\n"): (typeof documents)["\n  query PriceGrid {\n    priceGrid { segment subsegment geoTier baseAmount { amount currencyCode } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPriceGrid($input: [PriceGridEntryInput!]!) {\n    setPriceGrid(input: $input) { segment subsegment geoTier baseAmount { amount currencyCode } }\n  }\n"): (typeof documents)["\n  mutation SetPriceGrid($input: [PriceGridEntryInput!]!) {\n    setPriceGrid(input: $input) { segment subsegment geoTier baseAmount { amount currencyCode } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PriceFactors {\n    priceFactors { name value }\n  }\n"): (typeof documents)["\n  query PriceFactors {\n    priceFactors { name value }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPriceFactors($input: [PriceFactorInput!]!) {\n    setPriceFactors(input: $input) { name value }\n  }\n"): (typeof documents)["\n  mutation SetPriceFactors($input: [PriceFactorInput!]!) {\n    setPriceFactors(input: $input) { name value }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCommissionRate($segment: String!, $rate: Decimal!) {\n    setCommissionRate(segment: $segment, rate: $rate) { code commissionRate }\n  }\n"): (typeof documents)["\n  mutation SetCommissionRate($segment: String!, $rate: Decimal!) {\n    setCommissionRate(segment: $segment, rate: $rate) { code commissionRate }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitLeads($input: [LeadInput!]!) {\n    submitLeads(input: $input) {\n      id\n      accepted\n      rejected\n      status\n      results {\n        index\n        issues { code field message severity }\n        lead { id status verification score temperature price { amount currencyCode } }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitLeads($input: [LeadInput!]!) {\n    submitLeads(input: $input) {\n      id\n      accepted\n      rejected\n      status\n      results {\n        index\n        issues { code field message severity }\n        lead { id status verification score temperature price { amount currencyCode } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyListings($filter: LeadFilter, $first: Int, $after: String) {\n    myListings(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          segment\n          subsegment\n          country\n          region\n          city\n          kind\n          temperature\n          score\n          capturedAt\n          exclusivity\n          maxSales\n          salesCount\n          status\n          verification\n          erased\n          price { amount currencyCode }\n          preview { initials phone email city }\n          signals { code message }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyListings($filter: LeadFilter, $first: Int, $after: String) {\n    myListings(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          segment\n          subsegment\n          country\n          region\n          city\n          kind\n          temperature\n          score\n          capturedAt\n          exclusivity\n          maxSales\n          salesCount\n          status\n          verification\n          erased\n          price { amount currencyCode }\n          preview { initials phone email city }\n          signals { code message }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawLead($id: ID!) {\n    withdrawLead(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation WithdrawLead($id: ID!) {\n    withdrawLead(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EraseLeadContact($id: ID!) {\n    eraseLeadContact(id: $id) { id erased preview { initials phone email city } }\n  }\n"): (typeof documents)["\n  mutation EraseLeadContact($id: ID!) {\n    eraseLeadContact(id: $id) { id erased preview { initials phone email city } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyApiKeys {\n    myApiKeys { id name prefix createdAt lastUsedAt revokedAt }\n  }\n"): (typeof documents)["\n  query MyApiKeys {\n    myApiKeys { id name prefix createdAt lastUsedAt revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($name: String!) {\n    createApiKey(name: $name) {\n      key\n      apiKey { id name prefix createdAt lastUsedAt revokedAt }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($name: String!) {\n    createApiKey(name: $name) {\n      key\n      apiKey { id name prefix createdAt lastUsedAt revokedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Segments {\n    segments {\n      code\n      name\n      subsegments { code name }\n      attributeSchema\n      commissionRate\n      returnWindowHours\n      ttlDays\n    }\n  }\n"): (typeof documents)["\n  query Segments {\n    segments {\n      code\n      name\n      subsegments { code name }\n      attributeSchema\n      commissionRate\n      returnWindowHours\n      ttlDays\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VolumeTiers {\n    volumeTiers { minQuantity discountRate }\n  }\n"): (typeof documents)["\n  query VolumeTiers {\n    volumeTiers { minQuantity discountRate }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;