import { safeErrorSerializer, safeSql, scrubText, withoutParameters } from './safe-error';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';

function drizzleLikeError() {
  // the shape drizzle-orm 0.45 throws (DrizzleQueryError) around a postgres-js PostgresError
  const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_unique"'), {
    name: 'PostgresError',
    severity: 'ERROR',
    code: '23505',
    detail: 'Key (email)=(maria@example.org) already exists.',
    schema_name: 'public',
    table_name: 'users',
    constraint_name: 'users_email_unique',
    routine: '_bt_check_unique',
    query: 'insert into "users" ("id", "email", "password_hash") values ($1, $2, $3)',
    parameters: ['usr_1', 'maria@example.org', HASH],
  });
  const query = 'insert into "users" ("id", "email", "password_hash", "phone") values ($1, $2, $3, $4)';
  const err = Object.assign(new Error(`Failed query: ${query}\nparams: usr_1,maria@example.org,${HASH},+4915112345670`), {
    query,
    params: ['usr_1', 'maria@example.org', HASH, '+4915112345670'],
    cause,
  });
  return err;
}

describe('safeErrorSerializer', () => {
  it('keeps the driver code, constraint, table and SQL of a failed query, and none of its parameters', () => {
    const out = safeErrorSerializer(drizzleLikeError()) as Record<string, unknown>;
    const text = JSON.stringify(out);
    expect(out).toMatchObject({ code: '23505', sql: 'insert into "users" ("id", "email", "password_hash", "phone") values ($1, $2, $3, $4)' });
    expect(out.cause).toMatchObject({ code: '23505', table: 'users', constraint: 'users_email_unique', schema: 'public' });
    expect(out.message).toBe('Failed query: insert into "users" ("id", "email", "password_hash", "phone") values ($1, $2, $3, $4)');
    for (const secret of ['maria@example.org', '$argon2id', '4915112345670', 'usr_1', 'already exists']) expect(text).not.toContain(secret);
  });

  it('scrubs contact-shaped text from any error message and from its stack', () => {
    const out = safeErrorSerializer(new Error('could not reach maria@example.org at +1 (415) 555-2671')) as { message: string; stack: string };
    expect(out.message).toBe('could not reach [email] at [phone]');
    expect(out.stack.split('\n')[0]).toBe('Error: could not reach [email] at [phone]');
  });

  it('scrubs errors logged as strings, as many call sites do (err: e.message)', () => {
    expect(safeErrorSerializer(`Failed query: select 1\nparams: ${HASH}`)).toBe('Failed query: select 1');
  });

  it('leaves ordinary diagnostics alone: dates, addresses, ports, SQLSTATEs', () => {
    const message = 'connect ECONNREFUSED 127.0.0.1:6379 at 2026-12-01T10:00:00Z (code 23505, port 5432)';
    expect(scrubText(message)).toBe(message);
  });
});

describe('the pieces', () => {
  it("cuts drizzle's params list and a Postgres key detail", () => {
    expect(withoutParameters('Failed query: select $1\nparams: a,b')).toBe('Failed query: select $1');
    expect(withoutParameters('Key (email, org)=(a@b.co, org_1) already exists.')).toBe('Key (email, org)=(…) already exists.');
  });

  it('replaces string literals in SQL text', () => {
    expect(safeSql("select * from users where email = 'maria@example.org' and n = $1")).toBe("select * from users where email = '?' and n = $1");
  });
});
