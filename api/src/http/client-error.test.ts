import { clientErrorAnswer } from './client-error';

const httpError = (status: number, message: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { status, expose: status < 500, ...extra });

describe('client errors on plain HTTP', () => {
  it('answers malformed JSON as 400 BAD_REQUEST in plain words', () => {
    expect(clientErrorAnswer(httpError(400, 'Unexpected token } in JSON at position 1', { type: 'entity.parse.failed' }))).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/not valid JSON/),
    });
  });

  it('answers a body over the limit as 413 PAYLOAD_TOO_LARGE', () => {
    expect(clientErrorAnswer(httpError(413, 'request entity too large', { type: 'entity.too.large' }))).toMatchObject({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('keeps the message of an exposed http-error (graphql-upload)', () => {
    expect(clientErrorAnswer(httpError(400, 'Missing multipart field ‘map’ (https://github.com/jaydenseric/graphql-multipart-request-spec).'))).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/map/),
    });
    expect(clientErrorAnswer(httpError(415, 'unsupported charset "LATIN1"', { type: 'charset.unsupported' }))).toMatchObject({
      status: 415,
      code: 'BAD_REQUEST',
    });
  });

  it('treats a client that went away mid-upload as a 400', () => {
    expect(clientErrorAnswer(httpError(499, 'Request disconnected during file upload stream parsing.'))).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });

  it('hides the message of an error that is not marked for exposure', () => {
    expect(clientErrorAnswer(Object.assign(new Error('secret detail'), { status: 400 }))?.message).not.toMatch(/secret/);
  });

  it('leaves our own failures to the 500 path', () => {
    expect(clientErrorAnswer(new Error('boom'))).toBeNull();
    expect(clientErrorAnswer(httpError(500, 'database down'))).toBeNull();
    expect(clientErrorAnswer(null)).toBeNull();
    expect(clientErrorAnswer('a string')).toBeNull();
  });
});
