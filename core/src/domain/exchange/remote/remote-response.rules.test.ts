import { DEFAULT_RESPONSE_MAPPING, jsonPathProblem, judgePingAnswer, ZResponseMapping } from './remote-response.rules';

const ok = (body: unknown, status = 200) => ({ status, body: typeof body === 'string' ? body : JSON.stringify(body), truncated: false });

describe('jsonPathProblem', () => {
  it('accepts simple paths and refuses wildcards, filters and scripts', () => {
    for (const p of ['$', '$.bid', '$.result[0].price', "$['bid-amount']", '$["x"].y']) expect(jsonPathProblem(p)).toBeNull();
    for (const p of ['bid', '$..bid', '$.*', '$[?(@.x)]', '$.a[(1+1)]', '$.', '']) expect(jsonPathProblem(p)).not.toBeNull();
  });
  it('is part of the mapping schema', () => {
    expect(ZResponseMapping.safeParse({ bid: '$.offer.amount', reference: '$.id' }).success).toBe(true);
    expect(ZResponseMapping.safeParse({ bid: '$..amount' }).success).toBe(false);
  });
});

describe('judgePingAnswer', () => {
  const m = DEFAULT_RESPONSE_MAPPING;
  it('reads a bid given as a string or a number, in minor units, with the reference', () => {
    expect(judgePingAnswer(ok({ bid: '12.50', reference: 'r-1' }), m, 'USD')).toEqual({ outcome: 'BID', amount: 1250, reference: 'r-1' });
    expect(judgePingAnswer(ok({ bid: 7.1 }), m, 'USD')).toEqual({ outcome: 'BID', amount: 710, reference: null });
    expect(judgePingAnswer(ok({ bid: 500 }), m, 'JPY')).toEqual({ outcome: 'BID', amount: 500, reference: null });
  });
  it('follows the campaign mapping', () => {
    const mapping = { bid: '$.offers[0].price', reference: '$.offers[0].id', pass: '$.declined' };
    expect(judgePingAnswer(ok({ offers: [{ price: '3.00', id: 99 }] }), mapping, 'USD')).toEqual({ outcome: 'BID', amount: 300, reference: '99' });
    expect(judgePingAnswer(ok({ declined: true, offers: [{ price: '3.00' }] }), mapping, 'USD')).toEqual({ outcome: 'PASS' });
  });
  it('treats 204, a missing, null or zero bid and a pass flag as a pass', () => {
    expect(judgePingAnswer({ status: 204, body: '', truncated: false }, m, 'USD')).toEqual({ outcome: 'PASS' });
    expect(judgePingAnswer(ok({}), m, 'USD')).toEqual({ outcome: 'PASS' });
    expect(judgePingAnswer(ok({ bid: null }), m, 'USD')).toEqual({ outcome: 'PASS' });
    expect(judgePingAnswer(ok({ bid: '0.00' }), m, 'USD')).toEqual({ outcome: 'PASS' });
    expect(judgePingAnswer(ok({ pass: true, bid: '5' }), m, 'USD')).toEqual({ outcome: 'PASS' });
  });
  it('rounds a bid down to the charge step', () => {
    expect(judgePingAnswer(ok({ bid: '1.234' }), m, 'KWD', 10)).toEqual({ outcome: 'BID', amount: 1230, reference: null });
    expect(judgePingAnswer(ok({ bid: '0.005' }), m, 'KWD', 10)).toEqual({ outcome: 'PASS' });
  });
  it('calls non-JSON, cut-off, non-object answers and bad amounts malformed', () => {
    expect(judgePingAnswer(ok('<html>'), m, 'USD').outcome).toBe('MALFORMED');
    expect(judgePingAnswer({ ...ok({ bid: '1' }), truncated: true }, m, 'USD').outcome).toBe('MALFORMED');
    expect(judgePingAnswer(ok('42'), m, 'USD').outcome).toBe('MALFORMED');
    for (const bid of ['1.005', '-3', 'ten', 1e21, true, { amount: 1 }]) expect(judgePingAnswer(ok({ bid }), m, 'USD').outcome).toBe('MALFORMED');
  });
  it('calls other statuses errors', () => {
    expect(judgePingAnswer(ok({ bid: '1' }, 500), m, 'USD').outcome).toBe('ERROR');
    expect(judgePingAnswer(ok({ bid: '1' }, 302), m, 'USD').outcome).toBe('ERROR');
  });
});
