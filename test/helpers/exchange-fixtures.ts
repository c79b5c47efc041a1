// Buyers with funded wallets and campaigns, for exchange-mode tests.
import { createCampaign } from '@leadex/api/domain/exchange/campaigns.service';
import { topUpWallet } from '@leadex/api/domain/exchange/wallet.service';
import type { Actor } from '@leadex/api/domain/auth/access';
import type { TestApp } from './test-app';

/** Tops the buyer's wallet up through the Stripe stand-in's checkout (the app runs with `stripe: true`). */
export async function fundWallet(app: TestApp, buyer: Actor, amount: string): Promise<void> {
  const checkout = await topUpWallet(app.runtime.deps, buyer, amount);
  const res = await fetch(`${app.stripe!.url}/_standin/checkout/${checkout.sessionId}/pay`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ card: '4242424242424242' }),
  });
  if (!res.ok) throw new Error(`top-up payment failed: ${res.status}`);
  await app.stripe!.deliverPendingEvents();
}

export function campaign(buyer: Actor, app: TestApp, input: Record<string, unknown>) {
  return createCampaign(app.runtime.deps, buyer, { name: 'Test campaign', filter: { segments: ['AUTO_TEST_DRIVE'] }, exclusivity: 'EXCLUSIVE', ...input });
}
