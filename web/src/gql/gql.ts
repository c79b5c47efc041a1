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
    "\n  query DashboardPurchases($first: Int, $after: String) {\n    myPurchases(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id\n          price { amount currencyCode }\n          purchasedAt\n          outcome\n          status\n          lead { id segment }\n          dispute { id status refund { amount currencyCode } resolvedAt }\n        }\n      }\n    }\n  }\n": typeof types.DashboardPurchasesDocument,
    "\n  fragment CampaignFields on Campaign {\n    id\n    name\n    active\n    maxBid { amount currencyCode }\n    exclusivity\n    dailyCap\n    budget { amount currencyCode }\n    spent { amount currencyCode }\n    wonToday\n    filter\n    schedule { days from to }\n    timeZone\n  }\n": typeof types.CampaignFieldsFragmentDoc,
    "\n  query MyCampaigns {\n    myCampaigns { ...CampaignFields }\n  }\n": typeof types.MyCampaignsDocument,
    "\n  mutation CreateCampaign($input: CampaignInput!) {\n    createCampaign(input: $input) { ...CampaignFields }\n  }\n": typeof types.CreateCampaignDocument,
    "\n  mutation UpdateCampaign($id: ID!, $input: CampaignInput!) {\n    updateCampaign(id: $id, input: $input) { ...CampaignFields }\n  }\n": typeof types.UpdateCampaignDocument,
    "\n  mutation SetCampaignActive($id: ID!, $active: Boolean!) {\n    setCampaignActive(id: $id, active: $active) { id active }\n  }\n": typeof types.SetCampaignActiveDocument,
    "\n  query Wallet {\n    wallet { balance { amount currencyCode } }\n  }\n": typeof types.WalletDocument,
    "\n  mutation TopUpWallet($amount: Decimal!, $idempotencyKey: String) {\n    topUpWallet(amount: $amount, idempotencyKey: $idempotencyKey) { url sessionId }\n  }\n": typeof types.TopUpWalletDocument,
    "\n  mutation SetWebhookEndpoint($url: String!) {\n    setWebhookEndpoint(url: $url) { id url secret }\n  }\n": typeof types.SetWebhookEndpointDocument,
    "\n  query WebhookEndpoint {\n    webhookEndpoint { id url }\n  }\n": typeof types.WebhookEndpointDocument,
    "\n  mutation RemoveWebhookEndpoint {\n    removeWebhookEndpoint\n  }\n": typeof types.RemoveWebhookEndpointDocument,
    "\n  query MyDeliveries {\n    myDeliveries {\n      id\n      purchaseId\n      status\n      attempts\n      lastStatus\n      lastError\n      createdAt\n      deliveredAt\n      attemptLog { attempt httpStatus error durationMs at }\n    }\n  }\n": typeof types.MyDeliveriesDocument,
    "\n  mutation Redeliver($deliveryId: ID!) {\n    redeliver(deliveryId: $deliveryId) { id status }\n  }\n": typeof types.RedeliverDocument,
    "\n  fragment LeadCardFields on Lead {\n    id\n    segment\n    subsegment\n    country\n    region\n    city\n    geoTier\n    kind\n    temperature\n    score\n    capturedAt\n    exclusivity\n    maxSales\n    salesCount\n    verification\n    price { amount currencyCode }\n    seller { id name qualityScore }\n    sellerConversion { rate outcomes factor }\n    preview { initials phone email city }\n    checks { name passed checkedAt }\n  }\n": typeof types.LeadCardFieldsFragmentDoc,
    "\n  query Marketplace($filter: LeadFilter, $sort: LeadSort, $first: Int, $after: String) {\n    marketplace(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { ...LeadCardFields } }\n    }\n  }\n": typeof types.MarketplaceDocument,
    "\n  query PriceGrid {\n    priceGrid { segment subsegment geoTier baseAmount { amount currencyCode } }\n  }\n": typeof types.PriceGridDocument,
    "\n  mutation SetPriceGrid($input: [PriceGridEntryInput!]!) {\n    setPriceGrid(input: $input) { segment subsegment geoTier baseAmount { amount currencyCode } }\n  }\n": typeof types.SetPriceGridDocument,
    "\n  query PriceFactors {\n    priceFactors { name value }\n  }\n": typeof types.PriceFactorsDocument,
    "\n  mutation SetPriceFactors($input: [PriceFactorInput!]!) {\n    setPriceFactors(input: $input) { name value }\n  }\n": typeof types.SetPriceFactorsDocument,
    "\n  mutation SetCommissionRate($segment: String!, $rate: Decimal!) {\n    setCommissionRate(segment: $segment, rate: $rate) { code commissionRate }\n  }\n": typeof types.SetCommissionRateDocument,
    "\n  query DisputesQueue($status: DisputeStatus, $first: Int, $after: String) {\n    disputes(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          reason\n          evidence\n          status\n          refund { amount currencyCode }\n          note\n          autoCheck\n          recheck { name passed checkedAt }\n          autoDecided\n          openedAt\n          resolvedAt\n          purchase {\n            id\n            price { amount currencyCode }\n            purchasedAt\n            status\n            lead {\n              id\n              segment\n              subsegment\n              country\n              region\n              city\n              kind\n              sourceChannel\n              capturedAt\n              verification\n              seller { id name qualityScore }\n              contact { fullName phone email socialUrl }\n              findings { stage code message severity createdAt }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.DisputesQueueDocument,
    "\n  mutation ResolveDispute($id: ID!, $decision: DisputeDecision!, $refundAmount: Decimal, $note: String) {\n    resolveDispute(id: $id, decision: $decision, refundAmount: $refundAmount, note: $note) {\n      id\n      status\n      refund { amount currencyCode }\n      note\n      resolvedAt\n    }\n  }\n": typeof types.ResolveDisputeDocument,
    "\n  query VerificationTasks($status: VerificationTaskStatus) {\n    verificationTasks(status: $status) {\n      id\n      batchId\n      status\n      outcome\n      note\n      createdAt\n      doneAt\n      lead {\n        id\n        segment\n        subsegment\n        country\n        region\n        city\n        kind\n        capturedAt\n        seller { id name qualityScore }\n        contact { fullName phone email preferredContactTime }\n      }\n    }\n  }\n": typeof types.VerificationTasksDocument,
    "\n  mutation RecordVerificationOutcome($taskId: ID!, $outcome: CallOutcome!, $note: String) {\n    recordVerificationOutcome(taskId: $taskId, outcome: $outcome, note: $note) {\n      batchVerdict\n      task { id status outcome note doneAt }\n    }\n  }\n": typeof types.RecordVerificationOutcomeDocument,
    "\n  query SellerQuality {\n    sellerQuality { id name qualityScore suspended listedLeads batches failedBatches evidenceCount qualityUpperBound }\n  }\n": typeof types.SellerQualityDocument,
    "\n  mutation SetSellerSuspended($organizationId: ID!, $suspended: Boolean!) {\n    setSellerSuspended(organizationId: $organizationId, suspended: $suspended) { id qualityScore suspended listedLeads batches failedBatches }\n  }\n": typeof types.SetSellerSuspendedDocument,
    "\n  query SegmentPolicies {\n    segments { code name verificationProvider failedBatchPolicy failureThreshold }\n  }\n": typeof types.SegmentPoliciesDocument,
    "\n  mutation SetSegmentPolicy($segment: String!, $verificationProvider: VerificationProvider, $failedBatchPolicy: FailedBatchPolicy, $failureThreshold: Decimal) {\n    setSegmentPolicy(segment: $segment, verificationProvider: $verificationProvider, failedBatchPolicy: $failedBatchPolicy, failureThreshold: $failureThreshold) {\n      code\n      verificationProvider\n      failedBatchPolicy\n      failureThreshold\n    }\n  }\n": typeof types.SetSegmentPolicyDocument,
    "\n  query LedgerBalances {\n    ledgerBalances { account balance { amount currencyCode } }\n  }\n": typeof types.LedgerBalancesDocument,
    "\n  query SettlementRuns($first: Int, $after: String) {\n    settlementRuns(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          status\n          asOf\n          maturedSales\n          maturedAmount { amount currencyCode }\n          commission { amount currencyCode }\n          payoutsCount\n          payoutsAmount { amount currencyCode }\n          report\n          startedAt\n          finishedAt\n        }\n      }\n    }\n  }\n": typeof types.SettlementRunsDocument,
    "\n  mutation RunSettlement {\n    runSettlement {\n      id\n      status\n      maturedSales\n      maturedAmount { amount currencyCode }\n      payoutsCount\n      payoutsAmount { amount currencyCode }\n    }\n  }\n": typeof types.RunSettlementDocument,
    "\n  fragment OrderFields on Order {\n    id\n    status\n    total { amount currencyCode }\n    expiresAt\n    createdAt\n    paidAt\n    lines {\n      price { amount currencyCode }\n      lead {\n        id\n        segment\n        subsegment\n        country\n        region\n        city\n        kind\n        temperature\n        exclusivity\n        verification\n        preview { initials phone email city }\n      }\n    }\n  }\n": typeof types.OrderFieldsFragmentDoc,
    "\n  mutation CreateOrder($input: CreateOrderInput!, $idempotencyKey: String) {\n    createOrder(input: $input, idempotencyKey: $idempotencyKey) { ...OrderFields }\n  }\n": typeof types.CreateOrderDocument,
    "\n  query Order($id: ID!) {\n    order(id: $id) { ...OrderFields }\n  }\n": typeof types.OrderDocument,
    "\n  mutation CheckoutOrder($orderId: ID!) {\n    checkoutOrder(orderId: $orderId) { url sessionId }\n  }\n": typeof types.CheckoutOrderDocument,
    "\n  mutation CancelOrder($orderId: ID!) {\n    cancelOrder(orderId: $orderId) { ...OrderFields }\n  }\n": typeof types.CancelOrderDocument,
    "\n  fragment DisputeFields on Dispute {\n    id\n    reason\n    evidence\n    status\n    refund { amount currencyCode }\n    note\n    autoCheck\n    recheck { name passed checkedAt }\n    autoDecided\n    openedAt\n    resolvedAt\n  }\n": typeof types.DisputeFieldsFragmentDoc,
    "\n  query MyPurchases($first: Int, $after: String) {\n    myPurchases(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          price { amount currencyCode }\n          purchasedAt\n          outcome\n          outcomeReason\n          status\n          lead {\n            id\n            segment\n            subsegment\n            country\n            region\n            city\n            kind\n            sourceChannel\n            contact { fullName phone email socialUrl preferredContactTime }\n            consent { text timestamp ip pageUrl }\n          }\n          dispute { ...DisputeFields }\n        }\n      }\n    }\n  }\n": typeof types.MyPurchasesDocument,
    "\n  mutation UpdateLeadOutcome($purchaseId: ID!, $outcome: LeadOutcome!, $reason: String) {\n    updateLeadOutcome(purchaseId: $purchaseId, outcome: $outcome, reason: $reason) { id outcome outcomeReason }\n  }\n": typeof types.UpdateLeadOutcomeDocument,
    "\n  mutation OpenDispute($input: OpenDisputeInput!, $idempotencyKey: String) {\n    openDispute(input: $input, idempotencyKey: $idempotencyKey) {\n      ...DisputeFields\n      purchase { id status }\n    }\n  }\n": typeof types.OpenDisputeDocument,
    "\n  mutation SubmitLeads($input: [LeadInput!]!) {\n    submitLeads(input: $input) {\n      id\n      accepted\n      rejected\n      status\n      results {\n        index\n        issues { code field message severity }\n        lead { id status verification score temperature price { amount currencyCode } }\n      }\n    }\n  }\n": typeof types.SubmitLeadsDocument,
    "\n  query MyListings($filter: LeadFilter, $first: Int, $after: String) {\n    myListings(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          segment\n          subsegment\n          country\n          region\n          city\n          kind\n          temperature\n          score\n          capturedAt\n          exclusivity\n          maxSales\n          salesCount\n          status\n          verification\n          erased\n          price { amount currencyCode }\n          preview { initials phone email city }\n          signals { code message }\n          findings { stage code message severity }\n        }\n      }\n    }\n  }\n": typeof types.MyListingsDocument,
    "\n  mutation WithdrawLead($id: ID!) {\n    withdrawLead(id: $id) { id status }\n  }\n": typeof types.WithdrawLeadDocument,
    "\n  mutation EraseLeadContact($id: ID!) {\n    eraseLeadContact(id: $id) { id erased preview { initials phone email city } }\n  }\n": typeof types.EraseLeadContactDocument,
    "\n  query MyApiKeys {\n    myApiKeys { id name prefix scopes expiresAt createdAt lastUsedAt revokedAt }\n  }\n": typeof types.MyApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!, $scopes: [ApiKeyScope!], $expiresAt: DateTime) {\n    createApiKey(name: $name, scopes: $scopes, expiresAt: $expiresAt) {\n      key\n      apiKey { id name prefix scopes expiresAt createdAt lastUsedAt revokedAt }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query MySales($first: Int, $after: String) {\n    mySales(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id\n          price { amount currencyCode }\n          commission { amount currencyCode }\n          sellerNet { amount currencyCode }\n          refunded { amount currencyCode }\n          purchasedAt\n          status\n          outcome\n          disputeStatus\n          lead { id segment subsegment country region city sourceChannel }\n        }\n      }\n    }\n  }\n": typeof types.MySalesDocument,
    "\n  query MyPayouts {\n    myPayouts { id amount { amount currencyCode } status stripeTransferId createdAt sentAt }\n  }\n": typeof types.MyPayoutsDocument,
    "\n  mutation ConnectPayoutAccount {\n    connectPayoutAccount { url accountId }\n  }\n": typeof types.ConnectPayoutAccountDocument,
    "\n  query SuppressionList {\n    suppressionList { size updatedAt }\n  }\n": typeof types.SuppressionListDocument,
    "\n  mutation AddSuppressedContacts($contacts: [SuppressedContactInput!]!) {\n    addSuppressedContacts(contacts: $contacts) { size updatedAt }\n  }\n": typeof types.AddSuppressedContactsDocument,
    "\n  mutation RemoveSuppressedContacts($contacts: [SuppressedContactInput!]!) {\n    removeSuppressedContacts(contacts: $contacts) { size updatedAt }\n  }\n": typeof types.RemoveSuppressedContactsDocument,
    "\n  query Segments {\n    segments {\n      code\n      name\n      subsegments { code name }\n      attributeSchema\n      commissionRate\n      returnWindowHours\n      ttlDays\n    }\n  }\n": typeof types.SegmentsDocument,
    "\n  query VolumeTiers {\n    volumeTiers { minQuantity discountRate }\n  }\n": typeof types.VolumeTiersDocument,
    "\n  query Platform {\n    platform { currency minorUnitDigits }\n  }\n": typeof types.PlatformDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      email\n      name\n      role\n      organization { id name kind qualityScore suspended }\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user { id name role }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user { id name role }\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query CplCalculator($clicks: Int!, $costPerClick: Decimal!, $leads: Int!) {\n    cplCalculator(clicks: $clicks, costPerClick: $costPerClick, leads: $leads) {\n      budget { amount currencyCode }\n      costPerLead { amount currencyCode }\n      conversionRate\n    }\n  }\n": types.CplCalculatorDocument,
    "\n  query PriceQuote($input: PriceQuoteInput!) {\n    priceQuote(input: $input) { amount currencyCode }\n  }\n": types.PriceQuoteDocument,
    "\n  query DashboardPurchases($first: Int, $after: String) {\n    myPurchases(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id\n          price { amount currencyCode }\n          purchasedAt\n          outcome\n          status\n          lead { id segment }\n          dispute { id status refund { amount currencyCode } resolvedAt }\n        }\n      }\n    }\n  }\n": types.DashboardPurchasesDocument,
    "\n  fragment CampaignFields on Campaign {\n    id\n    name\n    active\n    maxBid { amount currencyCode }\n    exclusivity\n    dailyCap\n    budget { amount currencyCode }\n    spent { amount currencyCode }\n    wonToday\n    filter\n    schedule { days from to }\n    timeZone\n  }\n": types.CampaignFieldsFragmentDoc,
    "\n  query MyCampaigns {\n    myCampaigns { ...CampaignFields }\n  }\n": types.MyCampaignsDocument,
    "\n  mutation CreateCampaign($input: CampaignInput!) {\n    createCampaign(input: $input) { ...CampaignFields }\n  }\n": types.CreateCampaignDocument,
    "\n  mutation UpdateCampaign($id: ID!, $input: CampaignInput!) {\n    updateCampaign(id: $id, input: $input) { ...CampaignFields }\n  }\n": types.UpdateCampaignDocument,
    "\n  mutation SetCampaignActive($id: ID!, $active: Boolean!) {\n    setCampaignActive(id: $id, active: $active) { id active }\n  }\n": types.SetCampaignActiveDocument,
    "\n  query Wallet {\n    wallet { balance { amount currencyCode } }\n  }\n": types.WalletDocument,
    "\n  mutation TopUpWallet($amount: Decimal!, $idempotencyKey: String) {\n    topUpWallet(amount: $amount, idempotencyKey: $idempotencyKey) { url sessionId }\n  }\n": types.TopUpWalletDocument,
    "\n  mutation SetWebhookEndpoint($url: String!) {\n    setWebhookEndpoint(url: $url) { id url secret }\n  }\n": types.SetWebhookEndpointDocument,
    "\n  query WebhookEndpoint {\n    webhookEndpoint { id url }\n  }\n": types.WebhookEndpointDocument,
    "\n  mutation RemoveWebhookEndpoint {\n    removeWebhookEndpoint\n  }\n": types.RemoveWebhookEndpointDocument,
    "\n  query MyDeliveries {\n    myDeliveries {\n      id\n      purchaseId\n      status\n      attempts\n      lastStatus\n      lastError\n      createdAt\n      deliveredAt\n      attemptLog { attempt httpStatus error durationMs at }\n    }\n  }\n": types.MyDeliveriesDocument,
    "\n  mutation Redeliver($deliveryId: ID!) {\n    redeliver(deliveryId: $deliveryId) { id status }\n  }\n": types.RedeliverDocument,
    "\n  fragment LeadCardFields on Lead {\n    id\n    segment\n    subsegment\n    country\n    region\n    city\n    geoTier\n    kind\n    temperature\n    score\n    capturedAt\n    exclusivity\n    maxSales\n    salesCount\n    verification\n    price { amount currencyCode }\n    seller { id name qualityScore }\n    sellerConversion { rate outcomes factor }\n    preview { initials phone email city }\n    checks { name passed checkedAt }\n  }\n": types.LeadCardFieldsFragmentDoc,
    "\n  query Marketplace($filter: LeadFilter, $sort: LeadSort, $first: Int, $after: String) {\n    marketplace(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { ...LeadCardFields } }\n    }\n  }\n": types.MarketplaceDocument,
    "\n  query PriceGrid {\n    priceGrid { segment subsegment geoTier baseAmount { amount currencyCode } }\n  }\n": types.PriceGridDocument,
    "\n  mutation SetPriceGrid($input: [PriceGridEntryInput!]!) {\n    setPriceGrid(input: $input) { segment subsegment geoTier baseAmount { amount currencyCode } }\n  }\n": types.SetPriceGridDocument,
    "\n  query PriceFactors {\n    priceFactors { name value }\n  }\n": types.PriceFactorsDocument,
    "\n  mutation SetPriceFactors($input: [PriceFactorInput!]!) {\n    setPriceFactors(input: $input) { name value }\n  }\n": types.SetPriceFactorsDocument,
    "\n  mutation SetCommissionRate($segment: String!, $rate: Decimal!) {\n    setCommissionRate(segment: $segment, rate: $rate) { code commissionRate }\n  }\n": types.SetCommissionRateDocument,
    "\n  query DisputesQueue($status: DisputeStatus, $first: Int, $after: String) {\n    disputes(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          reason\n          evidence\n          status\n          refund { amount currencyCode }\n          note\n          autoCheck\n          recheck { name passed checkedAt }\n          autoDecided\n          openedAt\n          resolvedAt\n          purchase {\n            id\n            price { amount currencyCode }\n            purchasedAt\n            status\n            lead {\n              id\n              segment\n              subsegment\n              country\n              region\n              city\n              kind\n              sourceChannel\n              capturedAt\n              verification\n              seller { id name qualityScore }\n              contact { fullName phone email socialUrl }\n              findings { stage code message severity createdAt }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.DisputesQueueDocument,
    "\n  mutation ResolveDispute($id: ID!, $decision: DisputeDecision!, $refundAmount: Decimal, $note: String) {\n    resolveDispute(id: $id, decision: $decision, refundAmount: $refundAmount, note: $note) {\n      id\n      status\n      refund { amount currencyCode }\n      note\n      resolvedAt\n    }\n  }\n": types.ResolveDisputeDocument,
    "\n  query VerificationTasks($status: VerificationTaskStatus) {\n    verificationTasks(status: $status) {\n      id\n      batchId\n      status\n      outcome\n      note\n      createdAt\n      doneAt\n      lead {\n        id\n        segment\n        subsegment\n        country\n        region\n        city\n        kind\n        capturedAt\n        seller { id name qualityScore }\n        contact { fullName phone email preferredContactTime }\n      }\n    }\n  }\n": types.VerificationTasksDocument,
    "\n  mutation RecordVerificationOutcome($taskId: ID!, $outcome: CallOutcome!, $note: String) {\n    recordVerificationOutcome(taskId: $taskId, outcome: $outcome, note: $note) {\n      batchVerdict\n      task { id status outcome note doneAt }\n    }\n  }\n": types.RecordVerificationOutcomeDocument,
    "\n  query SellerQuality {\n    sellerQuality { id name qualityScore suspended listedLeads batches failedBatches evidenceCount qualityUpperBound }\n  }\n": types.SellerQualityDocument,
    "\n  mutation SetSellerSuspended($organizationId: ID!, $suspended: Boolean!) {\n    setSellerSuspended(organizationId: $organizationId, suspended: $suspended) { id qualityScore suspended listedLeads batches failedBatches }\n  }\n": types.SetSellerSuspendedDocument,
    "\n  query SegmentPolicies {\n    segments { code name verificationProvider failedBatchPolicy failureThreshold }\n  }\n": types.SegmentPoliciesDocument,
    "\n  mutation SetSegmentPolicy($segment: String!, $verificationProvider: VerificationProvider, $failedBatchPolicy: FailedBatchPolicy, $failureThreshold: Decimal) {\n    setSegmentPolicy(segment: $segment, verificationProvider: $verificationProvider, failedBatchPolicy: $failedBatchPolicy, failureThreshold: $failureThreshold) {\n      code\n      verificationProvider\n      failedBatchPolicy\n      failureThreshold\n    }\n  }\n": types.SetSegmentPolicyDocument,
    "\n  query LedgerBalances {\n    ledgerBalances { account balance { amount currencyCode } }\n  }\n": types.LedgerBalancesDocument,
    "\n  query SettlementRuns($first: Int, $after: String) {\n    settlementRuns(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          status\n          asOf\n          maturedSales\n          maturedAmount { amount currencyCode }\n          commission { amount currencyCode }\n          payoutsCount\n          payoutsAmount { amount currencyCode }\n          report\n          startedAt\n          finishedAt\n        }\n      }\n    }\n  }\n": types.SettlementRunsDocument,
    "\n  mutation RunSettlement {\n    runSettlement {\n      id\n      status\n      maturedSales\n      maturedAmount { amount currencyCode }\n      payoutsCount\n      payoutsAmount { amount currencyCode }\n    }\n  }\n": types.RunSettlementDocument,
    "\n  fragment OrderFields on Order {\n    id\n    status\n    total { amount currencyCode }\n    expiresAt\n    createdAt\n    paidAt\n    lines {\n      price { amount currencyCode }\n      lead {\n        id\n        segment\n        subsegment\n        country\n        region\n        city\n        kind\n        temperature\n        exclusivity\n        verification\n        preview { initials phone email city }\n      }\n    }\n  }\n": types.OrderFieldsFragmentDoc,
    "\n  mutation CreateOrder($input: CreateOrderInput!, $idempotencyKey: String) {\n    createOrder(input: $input, idempotencyKey: $idempotencyKey) { ...OrderFields }\n  }\n": types.CreateOrderDocument,
    "\n  query Order($id: ID!) {\n    order(id: $id) { ...OrderFields }\n  }\n": types.OrderDocument,
    "\n  mutation CheckoutOrder($orderId: ID!) {\n    checkoutOrder(orderId: $orderId) { url sessionId }\n  }\n": types.CheckoutOrderDocument,
    "\n  mutation CancelOrder($orderId: ID!) {\n    cancelOrder(orderId: $orderId) { ...OrderFields }\n  }\n": types.CancelOrderDocument,
    "\n  fragment DisputeFields on Dispute {\n    id\n    reason\n    evidence\n    status\n    refund { amount currencyCode }\n    note\n    autoCheck\n    recheck { name passed checkedAt }\n    autoDecided\n    openedAt\n    resolvedAt\n  }\n": types.DisputeFieldsFragmentDoc,
    "\n  query MyPurchases($first: Int, $after: String) {\n    myPurchases(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          price { amount currencyCode }\n          purchasedAt\n          outcome\n          outcomeReason\n          status\n          lead {\n            id\n            segment\n            subsegment\n            country\n            region\n            city\n            kind\n            sourceChannel\n            contact { fullName phone email socialUrl preferredContactTime }\n            consent { text timestamp ip pageUrl }\n          }\n          dispute { ...DisputeFields }\n        }\n      }\n    }\n  }\n": types.MyPurchasesDocument,
    "\n  mutation UpdateLeadOutcome($purchaseId: ID!, $outcome: LeadOutcome!, $reason: String) {\n    updateLeadOutcome(purchaseId: $purchaseId, outcome: $outcome, reason: $reason) { id outcome outcomeReason }\n  }\n": types.UpdateLeadOutcomeDocument,
    "\n  mutation OpenDispute($input: OpenDisputeInput!, $idempotencyKey: String) {\n    openDispute(input: $input, idempotencyKey: $idempotencyKey) {\n      ...DisputeFields\n      purchase { id status }\n    }\n  }\n": types.OpenDisputeDocument,
    "\n  mutation SubmitLeads($input: [LeadInput!]!) {\n    submitLeads(input: $input) {\n      id\n      accepted\n      rejected\n      status\n      results {\n        index\n        issues { code field message severity }\n        lead { id status verification score temperature price { amount currencyCode } }\n      }\n    }\n  }\n": types.SubmitLeadsDocument,
    "\n  query MyListings($filter: LeadFilter, $first: Int, $after: String) {\n    myListings(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          segment\n          subsegment\n          country\n          region\n          city\n          kind\n          temperature\n          score\n          capturedAt\n          exclusivity\n          maxSales\n          salesCount\n          status\n          verification\n          erased\n          price { amount currencyCode }\n          preview { initials phone email city }\n          signals { code message }\n          findings { stage code message severity }\n        }\n      }\n    }\n  }\n": types.MyListingsDocument,
    "\n  mutation WithdrawLead($id: ID!) {\n    withdrawLead(id: $id) { id status }\n  }\n": types.WithdrawLeadDocument,
    "\n  mutation EraseLeadContact($id: ID!) {\n    eraseLeadContact(id: $id) { id erased preview { initials phone email city } }\n  }\n": types.EraseLeadContactDocument,
    "\n  query MyApiKeys {\n    myApiKeys { id name prefix scopes expiresAt createdAt lastUsedAt revokedAt }\n  }\n": types.MyApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!, $scopes: [ApiKeyScope!], $expiresAt: DateTime) {\n    createApiKey(name: $name, scopes: $scopes, expiresAt: $expiresAt) {\n      key\n      apiKey { id name prefix scopes expiresAt createdAt lastUsedAt revokedAt }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query MySales($first: Int, $after: String) {\n    mySales(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id\n          price { amount currencyCode }\n          commission { amount currencyCode }\n          sellerNet { amount currencyCode }\n          refunded { amount currencyCode }\n          purchasedAt\n          status\n          outcome\n          disputeStatus\n          lead { id segment subsegment country region city sourceChannel }\n        }\n      }\n    }\n  }\n": types.MySalesDocument,
    "\n  query MyPayouts {\n    myPayouts { id amount { amount currencyCode } status stripeTransferId createdAt sentAt }\n  }\n": types.MyPayoutsDocument,
    "\n  mutation ConnectPayoutAccount {\n    connectPayoutAccount { url accountId }\n  }\n": types.ConnectPayoutAccountDocument,
    "\n  query SuppressionList {\n    suppressionList { size updatedAt }\n  }\n": types.SuppressionListDocument,
    "\n  mutation AddSuppressedContacts($contacts: [SuppressedContactInput!]!) {\n    addSuppressedContacts(contacts: $contacts) { size updatedAt }\n  }\n": types.AddSuppressedContactsDocument,
    "\n  mutation RemoveSuppressedContacts($contacts: [SuppressedContactInput!]!) {\n    removeSuppressedContacts(contacts: $contacts) { size updatedAt }\n  }\n": types.RemoveSuppressedContactsDocument,
    "\n  query Segments {\n    segments {\n      code\n      name\n      subsegments { code name }\n      attributeSchema\n      commissionRate\n      returnWindowHours\n      ttlDays\n    }\n  }\n": types.SegmentsDocument,
    "\n  query VolumeTiers {\n    volumeTiers { minQuantity discountRate }\n  }\n": types.VolumeTiersDocument,
    "\n  query Platform {\n    platform { currency minorUnitDigits }\n  }\n": types.PlatformDocument,
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
export function graphql(source: "\n  query DashboardPurchases($first: Int, $after: String) {\n    myPurchases(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id\n          price { amount currencyCode }\n          purchasedAt\n          outcome\n          status\n          lead { id segment }\n          dispute { id status refund { amount currencyCode } resolvedAt }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardPurchases($first: Int, $after: String) {\n    myPurchases(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id\n          price { amount currencyCode }\n          purchasedAt\n          outcome\n          status\n          lead { id segment }\n          dispute { id status refund { amount currencyCode } resolvedAt }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CampaignFields on Campaign {\n    id\n    name\n    active\n    maxBid { amount currencyCode }\n    exclusivity\n    dailyCap\n    budget { amount currencyCode }\n    spent { amount currencyCode }\n    wonToday\n    filter\n    schedule { days from to }\n    timeZone\n  }\n"): (typeof documents)["\n  fragment CampaignFields on Campaign {\n    id\n    name\n    active\n    maxBid { amount currencyCode }\n    exclusivity\n    dailyCap\n    budget { amount currencyCode }\n    spent { amount currencyCode }\n    wonToday\n    filter\n    schedule { days from to }\n    timeZone\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCampaigns {\n    myCampaigns { ...CampaignFields }\n  }\n"): (typeof documents)["\n  query MyCampaigns {\n    myCampaigns { ...CampaignFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCampaign($input: CampaignInput!) {\n    createCampaign(input: $input) { ...CampaignFields }\n  }\n"): (typeof documents)["\n  mutation CreateCampaign($input: CampaignInput!) {\n    createCampaign(input: $input) { ...CampaignFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCampaign($id: ID!, $input: CampaignInput!) {\n    updateCampaign(id: $id, input: $input) { ...CampaignFields }\n  }\n"): (typeof documents)["\n  mutation UpdateCampaign($id: ID!, $input: CampaignInput!) {\n    updateCampaign(id: $id, input: $input) { ...CampaignFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCampaignActive($id: ID!, $active: Boolean!) {\n    setCampaignActive(id: $id, active: $active) { id active }\n  }\n"): (typeof documents)["\n  mutation SetCampaignActive($id: ID!, $active: Boolean!) {\n    setCampaignActive(id: $id, active: $active) { id active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Wallet {\n    wallet { balance { amount currencyCode } }\n  }\n"): (typeof documents)["\n  query Wallet {\n    wallet { balance { amount currencyCode } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TopUpWallet($amount: Decimal!, $idempotencyKey: String) {\n    topUpWallet(amount: $amount, idempotencyKey: $idempotencyKey) { url sessionId }\n  }\n"): (typeof documents)["\n  mutation TopUpWallet($amount: Decimal!, $idempotencyKey: String) {\n    topUpWallet(amount: $amount, idempotencyKey: $idempotencyKey) { url sessionId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWebhookEndpoint($url: String!) {\n    setWebhookEndpoint(url: $url) { id url secret }\n  }\n"): (typeof documents)["\n  mutation SetWebhookEndpoint($url: String!) {\n    setWebhookEndpoint(url: $url) { id url secret }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoint {\n    webhookEndpoint { id url }\n  }\n"): (typeof documents)["\n  query WebhookEndpoint {\n    webhookEndpoint { id url }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveWebhookEndpoint {\n    removeWebhookEndpoint\n  }\n"): (typeof documents)["\n  mutation RemoveWebhookEndpoint {\n    removeWebhookEndpoint\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDeliveries {\n    myDeliveries {\n      id\n      purchaseId\n      status\n      attempts\n      lastStatus\n      lastError\n      createdAt\n      deliveredAt\n      attemptLog { attempt httpStatus error durationMs at }\n    }\n  }\n"): (typeof documents)["\n  query MyDeliveries {\n    myDeliveries {\n      id\n      purchaseId\n      status\n      attempts\n      lastStatus\n      lastError\n      createdAt\n      deliveredAt\n      attemptLog { attempt httpStatus error durationMs at }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Redeliver($deliveryId: ID!) {\n    redeliver(deliveryId: $deliveryId) { id status }\n  }\n"): (typeof documents)["\n  mutation Redeliver($deliveryId: ID!) {\n    redeliver(deliveryId: $deliveryId) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadCardFields on Lead {\n    id\n    segment\n    subsegment\n    country\n    region\n    city\n    geoTier\n    kind\n    temperature\n    score\n    capturedAt\n    exclusivity\n    maxSales\n    salesCount\n    verification\n    price { amount currencyCode }\n    seller { id name qualityScore }\n    sellerConversion { rate outcomes factor }\n    preview { initials phone email city }\n    checks { name passed checkedAt }\n  }\n"): (typeof documents)["\n  fragment LeadCardFields on Lead {\n    id\n    segment\n    subsegment\n    country\n    region\n    city\n    geoTier\n    kind\n    temperature\n    score\n    capturedAt\n    exclusivity\n    maxSales\n    salesCount\n    verification\n    price { amount currencyCode }\n    seller { id name qualityScore }\n    sellerConversion { rate outcomes factor }\n    preview { initials phone email city }\n    checks { name passed checkedAt }\n  }\n"];
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
export function graphql(source: "\n  query DisputesQueue($status: DisputeStatus, $first: Int, $after: String) {\n    disputes(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          reason\n          evidence\n          status\n          refund { amount currencyCode }\n          note\n          autoCheck\n          recheck { name passed checkedAt }\n          autoDecided\n          openedAt\n          resolvedAt\n          purchase {\n            id\n            price { amount currencyCode }\n            purchasedAt\n            status\n            lead {\n              id\n              segment\n              subsegment\n              country\n              region\n              city\n              kind\n              sourceChannel\n              capturedAt\n              verification\n              seller { id name qualityScore }\n              contact { fullName phone email socialUrl }\n              findings { stage code message severity createdAt }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DisputesQueue($status: DisputeStatus, $first: Int, $after: String) {\n    disputes(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          reason\n          evidence\n          status\n          refund { amount currencyCode }\n          note\n          autoCheck\n          recheck { name passed checkedAt }\n          autoDecided\n          openedAt\n          resolvedAt\n          purchase {\n            id\n            price { amount currencyCode }\n            purchasedAt\n            status\n            lead {\n              id\n              segment\n              subsegment\n              country\n              region\n              city\n              kind\n              sourceChannel\n              capturedAt\n              verification\n              seller { id name qualityScore }\n              contact { fullName phone email socialUrl }\n              findings { stage code message severity createdAt }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveDispute($id: ID!, $decision: DisputeDecision!, $refundAmount: Decimal, $note: String) {\n    resolveDispute(id: $id, decision: $decision, refundAmount: $refundAmount, note: $note) {\n      id\n      status\n      refund { amount currencyCode }\n      note\n      resolvedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveDispute($id: ID!, $decision: DisputeDecision!, $refundAmount: Decimal, $note: String) {\n    resolveDispute(id: $id, decision: $decision, refundAmount: $refundAmount, note: $note) {\n      id\n      status\n      refund { amount currencyCode }\n      note\n      resolvedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerificationTasks($status: VerificationTaskStatus) {\n    verificationTasks(status: $status) {\n      id\n      batchId\n      status\n      outcome\n      note\n      createdAt\n      doneAt\n      lead {\n        id\n        segment\n        subsegment\n        country\n        region\n        city\n        kind\n        capturedAt\n        seller { id name qualityScore }\n        contact { fullName phone email preferredContactTime }\n      }\n    }\n  }\n"): (typeof documents)["\n  query VerificationTasks($status: VerificationTaskStatus) {\n    verificationTasks(status: $status) {\n      id\n      batchId\n      status\n      outcome\n      note\n      createdAt\n      doneAt\n      lead {\n        id\n        segment\n        subsegment\n        country\n        region\n        city\n        kind\n        capturedAt\n        seller { id name qualityScore }\n        contact { fullName phone email preferredContactTime }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordVerificationOutcome($taskId: ID!, $outcome: CallOutcome!, $note: String) {\n    recordVerificationOutcome(taskId: $taskId, outcome: $outcome, note: $note) {\n      batchVerdict\n      task { id status outcome note doneAt }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordVerificationOutcome($taskId: ID!, $outcome: CallOutcome!, $note: String) {\n    recordVerificationOutcome(taskId: $taskId, outcome: $outcome, note: $note) {\n      batchVerdict\n      task { id status outcome note doneAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SellerQuality {\n    sellerQuality { id name qualityScore suspended listedLeads batches failedBatches evidenceCount qualityUpperBound }\n  }\n"): (typeof documents)["\n  query SellerQuality {\n    sellerQuality { id name qualityScore suspended listedLeads batches failedBatches evidenceCount qualityUpperBound }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSellerSuspended($organizationId: ID!, $suspended: Boolean!) {\n    setSellerSuspended(organizationId: $organizationId, suspended: $suspended) { id qualityScore suspended listedLeads batches failedBatches }\n  }\n"): (typeof documents)["\n  mutation SetSellerSuspended($organizationId: ID!, $suspended: Boolean!) {\n    setSellerSuspended(organizationId: $organizationId, suspended: $suspended) { id qualityScore suspended listedLeads batches failedBatches }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SegmentPolicies {\n    segments { code name verificationProvider failedBatchPolicy failureThreshold }\n  }\n"): (typeof documents)["\n  query SegmentPolicies {\n    segments { code name verificationProvider failedBatchPolicy failureThreshold }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSegmentPolicy($segment: String!, $verificationProvider: VerificationProvider, $failedBatchPolicy: FailedBatchPolicy, $failureThreshold: Decimal) {\n    setSegmentPolicy(segment: $segment, verificationProvider: $verificationProvider, failedBatchPolicy: $failedBatchPolicy, failureThreshold: $failureThreshold) {\n      code\n      verificationProvider\n      failedBatchPolicy\n      failureThreshold\n    }\n  }\n"): (typeof documents)["\n  mutation SetSegmentPolicy($segment: String!, $verificationProvider: VerificationProvider, $failedBatchPolicy: FailedBatchPolicy, $failureThreshold: Decimal) {\n    setSegmentPolicy(segment: $segment, verificationProvider: $verificationProvider, failedBatchPolicy: $failedBatchPolicy, failureThreshold: $failureThreshold) {\n      code\n      verificationProvider\n      failedBatchPolicy\n      failureThreshold\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LedgerBalances {\n    ledgerBalances { account balance { amount currencyCode } }\n  }\n"): (typeof documents)["\n  query LedgerBalances {\n    ledgerBalances { account balance { amount currencyCode } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettlementRuns($first: Int, $after: String) {\n    settlementRuns(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          status\n          asOf\n          maturedSales\n          maturedAmount { amount currencyCode }\n          commission { amount currencyCode }\n          payoutsCount\n          payoutsAmount { amount currencyCode }\n          report\n          startedAt\n          finishedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SettlementRuns($first: Int, $after: String) {\n    settlementRuns(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          status\n          asOf\n          maturedSales\n          maturedAmount { amount currencyCode }\n          commission { amount currencyCode }\n          payoutsCount\n          payoutsAmount { amount currencyCode }\n          report\n          startedAt\n          finishedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunSettlement {\n    runSettlement {\n      id\n      status\n      maturedSales\n      maturedAmount { amount currencyCode }\n      payoutsCount\n      payoutsAmount { amount currencyCode }\n    }\n  }\n"): (typeof documents)["\n  mutation RunSettlement {\n    runSettlement {\n      id\n      status\n      maturedSales\n      maturedAmount { amount currencyCode }\n      payoutsCount\n      payoutsAmount { amount currencyCode }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderFields on Order {\n    id\n    status\n    total { amount currencyCode }\n    expiresAt\n    createdAt\n    paidAt\n    lines {\n      price { amount currencyCode }\n      lead {\n        id\n        segment\n        subsegment\n        country\n        region\n        city\n        kind\n        temperature\n        exclusivity\n        verification\n        preview { initials phone email city }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment OrderFields on Order {\n    id\n    status\n    total { amount currencyCode }\n    expiresAt\n    createdAt\n    paidAt\n    lines {\n      price { amount currencyCode }\n      lead {\n        id\n        segment\n        subsegment\n        country\n        region\n        city\n        kind\n        temperature\n        exclusivity\n        verification\n        preview { initials phone email city }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrder($input: CreateOrderInput!, $idempotencyKey: String) {\n    createOrder(input: $input, idempotencyKey: $idempotencyKey) { ...OrderFields }\n  }\n"): (typeof documents)["\n  mutation CreateOrder($input: CreateOrderInput!, $idempotencyKey: String) {\n    createOrder(input: $input, idempotencyKey: $idempotencyKey) { ...OrderFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Order($id: ID!) {\n    order(id: $id) { ...OrderFields }\n  }\n"): (typeof documents)["\n  query Order($id: ID!) {\n    order(id: $id) { ...OrderFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckoutOrder($orderId: ID!) {\n    checkoutOrder(orderId: $orderId) { url sessionId }\n  }\n"): (typeof documents)["\n  mutation CheckoutOrder($orderId: ID!) {\n    checkoutOrder(orderId: $orderId) { url sessionId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelOrder($orderId: ID!) {\n    cancelOrder(orderId: $orderId) { ...OrderFields }\n  }\n"): (typeof documents)["\n  mutation CancelOrder($orderId: ID!) {\n    cancelOrder(orderId: $orderId) { ...OrderFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DisputeFields on Dispute {\n    id\n    reason\n    evidence\n    status\n    refund { amount currencyCode }\n    note\n    autoCheck\n    recheck { name passed checkedAt }\n    autoDecided\n    openedAt\n    resolvedAt\n  }\n"): (typeof documents)["\n  fragment DisputeFields on Dispute {\n    id\n    reason\n    evidence\n    status\n    refund { amount currencyCode }\n    note\n    autoCheck\n    recheck { name passed checkedAt }\n    autoDecided\n    openedAt\n    resolvedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPurchases($first: Int, $after: String) {\n    myPurchases(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          price { amount currencyCode }\n          purchasedAt\n          outcome\n          outcomeReason\n          status\n          lead {\n            id\n            segment\n            subsegment\n            country\n            region\n            city\n            kind\n            sourceChannel\n            contact { fullName phone email socialUrl preferredContactTime }\n            consent { text timestamp ip pageUrl }\n          }\n          dispute { ...DisputeFields }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyPurchases($first: Int, $after: String) {\n    myPurchases(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          price { amount currencyCode }\n          purchasedAt\n          outcome\n          outcomeReason\n          status\n          lead {\n            id\n            segment\n            subsegment\n            country\n            region\n            city\n            kind\n            sourceChannel\n            contact { fullName phone email socialUrl preferredContactTime }\n            consent { text timestamp ip pageUrl }\n          }\n          dispute { ...DisputeFields }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLeadOutcome($purchaseId: ID!, $outcome: LeadOutcome!, $reason: String) {\n    updateLeadOutcome(purchaseId: $purchaseId, outcome: $outcome, reason: $reason) { id outcome outcomeReason }\n  }\n"): (typeof documents)["\n  mutation UpdateLeadOutcome($purchaseId: ID!, $outcome: LeadOutcome!, $reason: String) {\n    updateLeadOutcome(purchaseId: $purchaseId, outcome: $outcome, reason: $reason) { id outcome outcomeReason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenDispute($input: OpenDisputeInput!, $idempotencyKey: String) {\n    openDispute(input: $input, idempotencyKey: $idempotencyKey) {\n      ...DisputeFields\n      purchase { id status }\n    }\n  }\n"): (typeof documents)["\n  mutation OpenDispute($input: OpenDisputeInput!, $idempotencyKey: String) {\n    openDispute(input: $input, idempotencyKey: $idempotencyKey) {\n      ...DisputeFields\n      purchase { id status }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitLeads($input: [LeadInput!]!) {\n    submitLeads(input: $input) {\n      id\n      accepted\n      rejected\n      status\n      results {\n        index\n        issues { code field message severity }\n        lead { id status verification score temperature price { amount currencyCode } }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitLeads($input: [LeadInput!]!) {\n    submitLeads(input: $input) {\n      id\n      accepted\n      rejected\n      status\n      results {\n        index\n        issues { code field message severity }\n        lead { id status verification score temperature price { amount currencyCode } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyListings($filter: LeadFilter, $first: Int, $after: String) {\n    myListings(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          segment\n          subsegment\n          country\n          region\n          city\n          kind\n          temperature\n          score\n          capturedAt\n          exclusivity\n          maxSales\n          salesCount\n          status\n          verification\n          erased\n          price { amount currencyCode }\n          preview { initials phone email city }\n          signals { code message }\n          findings { stage code message severity }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyListings($filter: LeadFilter, $first: Int, $after: String) {\n    myListings(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          segment\n          subsegment\n          country\n          region\n          city\n          kind\n          temperature\n          score\n          capturedAt\n          exclusivity\n          maxSales\n          salesCount\n          status\n          verification\n          erased\n          price { amount currencyCode }\n          preview { initials phone email city }\n          signals { code message }\n          findings { stage code message severity }\n        }\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query MyApiKeys {\n    myApiKeys { id name prefix scopes expiresAt createdAt lastUsedAt revokedAt }\n  }\n"): (typeof documents)["\n  query MyApiKeys {\n    myApiKeys { id name prefix scopes expiresAt createdAt lastUsedAt revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($name: String!, $scopes: [ApiKeyScope!], $expiresAt: DateTime) {\n    createApiKey(name: $name, scopes: $scopes, expiresAt: $expiresAt) {\n      key\n      apiKey { id name prefix scopes expiresAt createdAt lastUsedAt revokedAt }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($name: String!, $scopes: [ApiKeyScope!], $expiresAt: DateTime) {\n    createApiKey(name: $name, scopes: $scopes, expiresAt: $expiresAt) {\n      key\n      apiKey { id name prefix scopes expiresAt createdAt lastUsedAt revokedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySales($first: Int, $after: String) {\n    mySales(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id\n          price { amount currencyCode }\n          commission { amount currencyCode }\n          sellerNet { amount currencyCode }\n          refunded { amount currencyCode }\n          purchasedAt\n          status\n          outcome\n          disputeStatus\n          lead { id segment subsegment country region city sourceChannel }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MySales($first: Int, $after: String) {\n    mySales(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id\n          price { amount currencyCode }\n          commission { amount currencyCode }\n          sellerNet { amount currencyCode }\n          refunded { amount currencyCode }\n          purchasedAt\n          status\n          outcome\n          disputeStatus\n          lead { id segment subsegment country region city sourceChannel }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPayouts {\n    myPayouts { id amount { amount currencyCode } status stripeTransferId createdAt sentAt }\n  }\n"): (typeof documents)["\n  query MyPayouts {\n    myPayouts { id amount { amount currencyCode } status stripeTransferId createdAt sentAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectPayoutAccount {\n    connectPayoutAccount { url accountId }\n  }\n"): (typeof documents)["\n  mutation ConnectPayoutAccount {\n    connectPayoutAccount { url accountId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SuppressionList {\n    suppressionList { size updatedAt }\n  }\n"): (typeof documents)["\n  query SuppressionList {\n    suppressionList { size updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddSuppressedContacts($contacts: [SuppressedContactInput!]!) {\n    addSuppressedContacts(contacts: $contacts) { size updatedAt }\n  }\n"): (typeof documents)["\n  mutation AddSuppressedContacts($contacts: [SuppressedContactInput!]!) {\n    addSuppressedContacts(contacts: $contacts) { size updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveSuppressedContacts($contacts: [SuppressedContactInput!]!) {\n    removeSuppressedContacts(contacts: $contacts) { size updatedAt }\n  }\n"): (typeof documents)["\n  mutation RemoveSuppressedContacts($contacts: [SuppressedContactInput!]!) {\n    removeSuppressedContacts(contacts: $contacts) { size updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Segments {\n    segments {\n      code\n      name\n      subsegments { code name }\n      attributeSchema\n      commissionRate\n      returnWindowHours\n      ttlDays\n    }\n  }\n"): (typeof documents)["\n  query Segments {\n    segments {\n      code\n      name\n      subsegments { code name }\n      attributeSchema\n      commissionRate\n      returnWindowHours\n      ttlDays\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VolumeTiers {\n    volumeTiers { minQuantity discountRate }\n  }\n"): (typeof documents)["\n  query VolumeTiers {\n    volumeTiers { minQuantity discountRate }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Platform {\n    platform { currency minorUnitDigits }\n  }\n"): (typeof documents)["\n  query Platform {\n    platform { currency minorUnitDigits }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;