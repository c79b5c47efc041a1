import type { RemoteCallOutcome } from '@leadex/db';
import { HEALTH_WINDOW, judgeEndpointHealth } from './endpoint-health.rules';

const times = (n: number, o: RemoteCallOutcome) => Array<RemoteCallOutcome>(n).fill(o);

describe('judgeEndpointHealth', () => {
  it('pauses after N failures in a row, with the reason', () => {
    const verdict = judgeEndpointHealth([...times(3, 'TIMEOUT'), ...times(2, 'ERROR'), 'BID'], 5);
    expect(verdict).toEqual({ pause: true, reason: expect.stringContaining('last 5 pings or posts failed') });
  });
  it('does not pause when an answer breaks the streak, or for passes and refusals', () => {
    expect(judgeEndpointHealth(['TIMEOUT', 'PASS', ...times(4, 'ERROR')], 5).pause).toBe(false);
    expect(judgeEndpointHealth([...times(30, 'PASS'), ...times(20, 'REFUSED')], 5).pause).toBe(false);
    expect(judgeEndpointHealth([], 1).pause).toBe(false);
  });
  it('pauses when more than half of a full window failed, even with no long streak', () => {
    const alternating = Array.from({ length: HEALTH_WINDOW }, (_, i): RemoteCallOutcome => (i % 3 === 2 ? 'BID' : 'MALFORMED'));
    expect(judgeEndpointHealth(alternating, 5)).toEqual({ pause: true, reason: expect.stringContaining(`of the last ${HEALTH_WINDOW}`) });
    // the same rate over a window not yet full is not enough
    expect(judgeEndpointHealth(alternating.slice(0, 30), 5).pause).toBe(false);
  });
});
