// Ledger account names. Debits are positive, credits negative; a liability such as escrow carries a
// negative balance while it holds buyers' money.
export const PLATFORM_STRIPE_BALANCE = 'platform:stripe_balance';
export const PLATFORM_ESCROW = 'platform:escrow';
export const PLATFORM_REVENUE = 'platform:revenue';
/** money received for nothing the buyer could get (e.g. a late payment whose capacity was gone), until refunded */
export const PLATFORM_UNAPPLIED = 'platform:unapplied_payments';

export const sellerPayable = (orgId: string) => `seller:${orgId}:payable`;
export const buyerWallet = (orgId: string) => `buyer:${orgId}:wallet`;
