import { Readable } from 'node:stream';
import { DomainError } from '../shared/domain-error';
import { csvReadError, csvTemplate, readCsvRecords } from './lead-csv';

const header = 'segment,country,phone\n';
const rows = (n: number) => Array.from({ length: n }, (_, i) => `AUTO_TEST_DRIVE,US,+1415555${String(1000 + i)}\n`).join('');

/** A stream that sends `text` and then fails the way a dropped connection does. */
function brokenAfter(text: string, error: Error): Readable {
  return new Readable({
    read() {
      if (text) {
        this.push(text);
        text = '';
      } else this.destroy(error);
    },
  });
}

async function failure(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe('readCsvRecords', () => {
  it('reads every record of a well-formed file', async () => {
    expect(await readCsvRecords(Readable.from([header, rows(3)]), 10)).toHaveLength(3);
  });

  it('turns a stream that breaks off mid-file into UPLOAD_FAILED, never an unhandled error', async () => {
    const err = await failure(readCsvRecords(brokenAfter(header + rows(50), Object.assign(new Error('aborted'), { code: 'ECONNRESET' })), 1000));
    expect(err.code).toBe('UPLOAD_FAILED');
    expect(err.category).toBe('BAD_REQUEST');
  });

  it('turns a file over the byte limit into UPLOAD_TOO_LARGE', async () => {
    // long rows, fewer than the row limit: only the byte count can stop it
    const line = `AUTO_TEST_DRIVE,US,${'9'.repeat(4000)}\n`;
    const big = Readable.from(
      (function* () {
        yield header;
        for (let sent = 0; sent <= 1024 * 1024; sent += 16 * line.length) yield line.repeat(16);
      })(),
    );
    const err = await failure(readCsvRecords(big, 10_000, 1024 * 1024));
    expect(err.code).toBe('UPLOAD_TOO_LARGE');
    expect(err.category).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses structural CSV errors, endless fields and too many rows as invalid input on the file', async () => {
    for (const stream of [Readable.from([`${header}"unterminated,quote`]), Readable.from([header, 'x'.repeat(70_000)]), Readable.from([header, rows(11)])]) {
      const err = await failure(readCsvRecords(stream, 10));
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.fields[0]?.path).toBe('file');
    }
  });
});

describe('csvReadError', () => {
  it("reads graphql-upload's size-limit error as too large and anything else from the transport as failed", () => {
    const truncated = Object.assign(new Error('File truncated as it exceeds the 20971520 byte size limit.'), { status: 413 });
    expect(csvReadError(truncated).code).toBe('UPLOAD_TOO_LARGE');
    expect(csvReadError(Object.assign(new Error('Request disconnected during file upload stream parsing.'), { status: 499 })).code).toBe('UPLOAD_FAILED');
    expect(csvReadError(new DomainError('NOT_SIGNED_IN', 'Sign in first')).code).toBe('NOT_SIGNED_IN');
  });
});

describe('the downloadable template', () => {
  it('has an example row captured ten minutes before the download, with a contact of its own', () => {
    const now = new Date('2026-12-03T08:00:00.500Z');
    const [header, row] = csvTemplate(now, 'a1b2c3').trim().split('\n') as [string, string];
    const cells = Object.fromEntries(header.split(',').map((h, i) => [h, row.split(',')[i]]));
    expect(cells.captured_at).toBe('2026-12-03T07:50:00Z');
    expect(cells.consent_timestamp).toBe(cells.captured_at);
    expect(cells.email).toBe('maria.lopez.a1b2c3@example.org');
    expect(cells.external_id).toBe('crm-a1b2c3');
    expect(cells.phone).toMatch(/^\+1415\d{7}$/);
    expect(csvTemplate(now, 'ffffff')).not.toContain(cells.phone!);
  });
});
