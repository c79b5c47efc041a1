// A settlement run's status: RUNNING from its start until its payouts were sent (COMPLETED) or it broke off (FAILED).
import type { SettlementRunStatus } from '@leadex/db';
import { SETTLEMENT_RUN_STATUSES } from '@leadex/db';
import { defineLifecycle } from '../shared/lifecycle';

export const SETTLEMENT_RUN_LIFECYCLE = defineLifecycle<SettlementRunStatus>({
  entity: 'settlement run',
  statuses: SETTLEMENT_RUN_STATUSES,
  transitions: {
    RUNNING: { COMPLETED: ['SYSTEM'], FAILED: ['SYSTEM'] },
  },
});
