// When a remote buyer's endpoints are failing badly enough to pause its campaign, pure. A failure is a ping or
// post that timed out, errored or answered malformed; a pass, a bid, an accepted or a refused post is an answer.
import type { RemoteCallOutcome } from '@leadex/db';

export const FAILED_OUTCOMES: readonly RemoteCallOutcome[] = ['TIMEOUT', 'ERROR', 'MALFORMED'];
/** the window the failure rate is measured over, and the rate over which a campaign is paused */
export const HEALTH_WINDOW = 50;
export const MAX_FAILURE_RATE = 0.5;

export interface HealthVerdict {
  pause: boolean;
  /** the reason shown to the buyer and the operator */
  reason: string | null;
}

/**
 * `recent`: the campaign's latest call outcomes, newest first (at most HEALTH_WINDOW are looked at). Paused after
 * `maxConsecutive` failures in a row, or when more than half of a full window failed.
 */
export function judgeEndpointHealth(recent: readonly RemoteCallOutcome[], maxConsecutive: number): HealthVerdict {
  const window = recent.slice(0, HEALTH_WINDOW);
  let streak = 0;
  while (streak < window.length && FAILED_OUTCOMES.includes(window[streak]!)) streak++;
  if (streak >= maxConsecutive)
    return { pause: true, reason: `paused automatically: the last ${streak} pings or posts failed (timed out, errored or malformed)` };
  const failed = window.filter((o) => FAILED_OUTCOMES.includes(o)).length;
  if (window.length === HEALTH_WINDOW && failed / window.length > MAX_FAILURE_RATE) {
    return { pause: true, reason: `paused automatically: ${failed} of the last ${HEALTH_WINDOW} pings or posts failed (timed out, errored or malformed)` };
  }
  return { pause: false, reason: null };
}
