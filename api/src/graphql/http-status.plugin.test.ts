import { statusForErrors } from './http-status.plugin';

const errors = (...codes: string[]) => codes.map((code) => ({ message: code, extensions: { code } }));

describe('HTTP status of GraphQL answers without data', () => {
  it('is 413 when anything was too large and 400 for a broken request', () => {
    expect(statusForErrors(errors('PAYLOAD_TOO_LARGE'), undefined)).toBe(413);
    expect(statusForErrors(errors('BAD_USER_INPUT', 'PAYLOAD_TOO_LARGE'), 200)).toBe(413);
    expect(statusForErrors(errors('BAD_REQUEST'), 200)).toBe(400);
  });

  it("turns Apollo's default 500 into 400 when every error is the client's", () => {
    expect(statusForErrors(errors('BAD_USER_INPUT'), 500)).toBe(400);
    expect(statusForErrors(errors('BAD_USER_INPUT', 'INTERNAL_SERVER_ERROR'), 500)).toBeNull();
  });

  it('keeps the 200 of a resolver refusal and the client status Apollo chose', () => {
    expect(statusForErrors(errors('BAD_USER_INPUT'), 200)).toBeNull();
    expect(statusForErrors(errors('NOT_FOUND'), undefined)).toBeNull();
    expect(statusForErrors(errors('BAD_REQUEST'), 405)).toBeNull();
  });
});
