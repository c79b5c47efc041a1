import { CHUNK_SIZE, entryOf, parseSuppressionCsv, sendInChunks, type SendChunk } from './suppression-csv';

describe('reading a suppression CSV', () => {
  it('reads phone, email and country by header name, quoted cells included, with their line numbers', () => {
    const { rows, errors, fileError } = parseSuppressionCsv(
      '\uFEFFEmail,Phone,country\r\n"a@example.com","+1 213 373 4253",\n,,\n b@example.com ,"030, 901820",DE\n',
    );
    expect(fileError).toBeNull();
    expect(rows).toEqual([
      { line: 2, phone: '+1 213 373 4253', email: 'a@example.com', country: null },
      { line: 4, phone: '030, 901820', email: 'b@example.com', country: 'DE' },
    ]);
    expect(errors).toEqual([]);
  });

  it('reports a row with neither a phone nor an e-mail, and a file without either column', () => {
    expect(parseSuppressionCsv('phone,email,country\n,,US\n').errors).toEqual([{ line: 2, column: null, message: 'no phone and no e-mail' }]);
    expect(parseSuppressionCsv('name\nAna\n').fileError).toMatch(/phone or an email column/);
    expect(parseSuppressionCsv('').fileError).toBe('The file is empty.');
  });

  it('reads an entry path of the API', () => {
    expect(entryOf('contacts[12].phone')).toEqual({ index: 12, column: 'phone' });
    expect(entryOf('contacts[0]')).toEqual({ index: 0, column: null });
    expect(entryOf('contacts')).toBeNull();
  });
});

describe('sending in chunks', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ line: i + 2, phone: null, email: `p${i}@example.com`, country: null }));

  it('sends chunks of the API maximum and reports progress after each', async () => {
    const sizes: number[] = [];
    const progress: number[] = [];
    const send: SendChunk = async (contacts) => {
      sizes.push(contacts.length);
      return { ok: true };
    };
    const result = await sendInChunks(rows(CHUNK_SIZE * 2 + 5), send, (p) => progress.push(p));
    expect(sizes).toEqual([CHUNK_SIZE, CHUNK_SIZE, 5]);
    expect(progress.at(-1)).toBe(1);
    expect(result).toEqual({ sent: CHUNK_SIZE * 2 + 5, errors: [], stopped: null });
  });

  it('sends a refused chunk again without the rows the API named, and reports those rows by line', async () => {
    const sent: string[][] = [];
    const send: SendChunk = async (contacts) => {
      sent.push(contacts.map((c) => c.email!));
      return sent.length === 1
        ? { ok: false, message: 'invalid', fields: [{ path: 'contacts[1].email', message: 'email is not a valid e-mail address' }] }
        : { ok: true };
    };
    const result = await sendInChunks(rows(3), send, () => undefined);
    expect(sent).toEqual([
      ['p0@example.com', 'p1@example.com', 'p2@example.com'],
      ['p0@example.com', 'p2@example.com'],
    ]);
    expect(result).toEqual({ sent: 2, errors: [{ line: 3, column: 'email', message: 'email is not a valid e-mail address' }], stopped: null });
  });

  it('stops on an error that is not about single rows', async () => {
    const send: SendChunk = async () => ({ ok: false, message: 'Sign in first', fields: [] });
    expect(await sendInChunks(rows(2), send, () => undefined)).toEqual({ sent: 0, errors: [], stopped: 'Sign in first' });
  });
});
