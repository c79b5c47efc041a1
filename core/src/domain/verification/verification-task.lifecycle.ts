// A manual spot-check task's status: open until an operator records the call's outcome, once.
import type { VerificationTaskStatus } from '@leadex/db';
import { VERIFICATION_TASK_STATUSES } from '@leadex/db';
import { defineLifecycle } from '../shared/lifecycle';

export const VERIFICATION_TASK_LIFECYCLE = defineLifecycle<VerificationTaskStatus>({
  entity: 'verification task',
  statuses: VERIFICATION_TASK_STATUSES,
  transitions: {
    OPEN: { DONE: ['OPERATOR'] },
  },
});
