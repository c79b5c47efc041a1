import { judgeAnswer, judgeFailure, judgeMailFailure } from './delivery.rules';

describe('delivery attempt verdicts', () => {
  it('accepts every 2xx and nothing else', () => {
    expect(judgeAnswer(200)).toEqual({ ok: true });
    expect(judgeAnswer(204)).toEqual({ ok: true });
    expect(judgeAnswer(500)).toEqual({ ok: false, error: 'refused by the endpoint: HTTP 500', retry: true });
    expect(judgeAnswer(404)).toEqual({ ok: false, error: 'refused by the endpoint: HTTP 404', retry: true });
  });
  it('treats a redirect as a refusal and says it was not followed', () => {
    expect(judgeAnswer(302)).toEqual({ ok: false, error: 'refused by the endpoint: HTTP 302 (redirects are not followed)', retry: true });
  });
  it('gives the buyer a fixed phrase for each failure and stops retrying a refused address', () => {
    expect(judgeFailure('TIMED_OUT')).toEqual({ ok: false, error: 'timed out', retry: true });
    expect(judgeFailure('CONNECTION_FAILED')).toEqual({ ok: false, error: 'connection failed', retry: true });
    expect(judgeFailure('ADDRESS_NOT_ALLOWED')).toEqual({ ok: false, error: 'address not allowed', retry: false });
  });
  it('retries every mail server failure, naming its reply code', () => {
    expect(judgeMailFailure('REFUSED', 451)).toEqual({ ok: false, error: 'refused by the mail server: SMTP 451', retry: true });
    expect(judgeMailFailure('CONNECTION_FAILED', null)).toEqual({ ok: false, error: 'connection failed', retry: true });
    expect(judgeMailFailure('TIMED_OUT', null)).toEqual({ ok: false, error: 'timed out', retry: true });
  });
});
