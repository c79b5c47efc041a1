import { MAX_EMAIL_ATTEMPTS, afterFailure, channelsWanted, failureText, notificationMessageId, retryDelayMs } from './notification-email.rules';

const now = new Date('2026-12-02T12:00:00Z');

describe('notification e-mail rules', () => {
  it('backs off 30 s, 1 min, 2 min and never more than an hour', () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });

  it('retries a connection failure or a 4xx answer until the last attempt', () => {
    expect(afterFailure(1, { kind: 'CONNECTION_FAILED', responseCode: null }, now)).toEqual({
      status: 'PENDING',
      nextAttemptAt: new Date(now.getTime() + 30_000),
    });
    expect(afterFailure(2, { kind: 'REFUSED', responseCode: 451 }, now)).toMatchObject({ status: 'PENDING' });
    expect(afterFailure(MAX_EMAIL_ATTEMPTS, { kind: 'TIMED_OUT', responseCode: null }, now)).toEqual({ status: 'FAILED' });
  });

  it('gives up at once on a 5xx answer', () => {
    expect(afterFailure(1, { kind: 'REFUSED', responseCode: 550 }, now)).toEqual({ status: 'FAILED' });
  });

  it('keeps the kind and reply code only', () => {
    expect(failureText({ kind: 'REFUSED', responseCode: 550 })).toBe('REFUSED (SMTP 550)');
    expect(failureText({ kind: 'TIMED_OUT', responseCode: null })).toBe('TIMED_OUT');
  });

  it('names the message by its outbox row, the same on every attempt', () => {
    expect(notificationMessageId('nml_01abc', 'https://app.leadex.example:8443')).toBe('<nml_01abc@app.leadex.example>');
  });

  it('wants e-mail and in-app when the user chose nothing', () => {
    expect(channelsWanted(undefined)).toEqual({ email: true, inApp: true });
    expect(channelsWanted({ email: false, inApp: true })).toEqual({ email: false, inApp: true });
  });
});
