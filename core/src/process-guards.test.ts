import { describeFatal } from './process-guards';

describe('describeFatal', () => {
  it('keeps the error type, code and frames but drops bound query parameters', () => {
    const err = Object.assign(new Error('Failed query: insert into leads values ($1, $2)\nparams: +14155552671,ana@example.org'), { code: '23505' });
    const d = describeFatal(err);
    expect(d).toMatchObject({ type: 'Error', code: '23505', message: 'Failed query: insert into leads values ($1, $2)' });
    expect(JSON.stringify(d)).not.toMatch(/ana@example\.org|4155552671/);
    expect(d.stack).toMatch(/^\s+at /);
  });

  it('cuts parameters that share the first line and says nothing of thrown non-errors', () => {
    expect(describeFatal(new Error('Failed query: select 1 params: secret-token')).message).toBe('Failed query: select 1');
    expect(describeFatal({ password: 'hunter2' })).toEqual({ type: 'object', message: 'a non-Error value was thrown or rejected' });
  });
});
