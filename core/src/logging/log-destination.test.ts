import { Writable } from 'node:stream';
import { createLogger } from '../bootstrap';
import { loadConfig } from '../config';

function capture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('LOG_FORMAT', () => {
  it('is JSON lines unless asked otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).LOG_FORMAT).toBe('json');
    expect(loadConfig({ NODE_ENV: 'test', LOG_FORMAT: 'pretty' }).LOG_FORMAT).toBe('pretty');
  });

  it('refuses a format it does not know', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', LOG_FORMAT: 'yaml' })).toThrow(/LOG_FORMAT/);
  });
});

describe('a pretty-printed log', () => {
  it('is text for a person, with contact data and credentials redacted as in JSON', async () => {
    const out = capture();
    const logger = createLogger(loadConfig({ NODE_ENV: 'test', LOG_FORMAT: 'pretty' }), 'pretty-test', out.stream);
    const failed = new Error('Failed query: insert into users (email, name) values ($1, $2)\nparams: maria.lopez@example.org,Call +4915112345670');
    logger.info(
      {
        lead: { phone: '+4915112345670', email: 'maria.lopez@example.org', fullName: 'Maria Lopez' },
        req: { headers: { authorization: 'Bearer tok_secret' } },
      },
      'lead received',
    );
    logger.error({ err: failed }, 'unhandled error');
    await settle();
    const text = out.text();
    expect(text).toMatch(/INFO.*\(pretty-test\): lead received/);
    expect(text).toMatch(/ERROR.*unhandled error/);
    expect(() => JSON.parse(text.split('\n')[0]!)).toThrow();
    expect(text).toContain('[redacted]');
    for (const secret of ['maria.lopez@example.org', '4915112345670', 'Maria Lopez', 'tok_secret']) expect(text).not.toContain(secret);
    expect(text).toContain('Failed query: insert into users');
  });

  it('leaves JSON as it was when LOG_FORMAT is json', async () => {
    const out = capture();
    createLogger(loadConfig({ NODE_ENV: 'test' }), 'json-test', out.stream).info({ lead: { email: 'ana@example.org' } }, 'hello');
    await settle();
    expect(JSON.parse(out.text())).toMatchObject({ name: 'json-test', msg: 'hello', lead: { email: '[redacted]' } });
  });
});
