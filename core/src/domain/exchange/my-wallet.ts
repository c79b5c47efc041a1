// A buyer's own wallet: what they can spend on campaign wins and orders.
import type { AppDeps } from '../app-deps';
import { requireUser, type Actor } from '../auth/access';
import type { Money } from '../shared/money';
import { walletBalance } from './wallet.service';

export async function myWallet(deps: AppDeps, actor: Actor | null): Promise<{ balance: Money }> {
  const buyer = requireUser(actor, 'BUYER');
  return { balance: await walletBalance(deps.db, buyer.organizationId, deps.config.PLATFORM_CURRENCY) };
}
