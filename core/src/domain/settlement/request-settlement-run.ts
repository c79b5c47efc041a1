// An operator starts a settlement run now instead of waiting for the schedule.
import type { AppDeps } from '../app-deps';
import { requireCapability, requireRole, type Actor } from '../auth/access';
import { runSettlement, type SettlementRunRow } from './run-settlement';

/** Safe to call while the scheduled run is going: runs serialize on runSettlement's advisory lock. */
export async function requestSettlementRun(deps: AppDeps, actor: Actor | null): Promise<SettlementRunRow> {
  const operator = requireCapability(requireRole(actor, 'OPERATOR'), 'MONEY');
  return runSettlement(deps, deps.clock(), operator);
}
