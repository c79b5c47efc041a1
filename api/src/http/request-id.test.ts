import { isSafeRequestId, requestIdFrom } from './request-id';

describe('request ids from clients', () => {
  it('keeps short tokens of letters, digits, dots, dashes and underscores', () => {
    for (const id of ['abc', 'req-42', '0f8fad5b-d9cb-469f-a165-70867728950e', 'trace_1.2', 'a'.repeat(64)]) {
      expect(isSafeRequestId(id)).toBe(true);
      expect(requestIdFrom(id)).toBe(id);
    }
  });

  it('replaces anything that could forge a log line or flood it', () => {
    for (const id of ['', 'a'.repeat(65), 'line\nbreak', 'x"y', 'a b', '{"level":60}', 'ünïcode', 'x\u0000', '../../etc']) {
      expect(isSafeRequestId(id)).toBe(false);
    }
    expect(requestIdFrom('line\nbreak')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('makes a fresh id when none or several were sent', () => {
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(['a', 'b'])).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});
