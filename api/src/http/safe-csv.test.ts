import { parse } from 'csv-parse/sync';
import { toSafeCsv } from './safe-csv';

const roundTrip = (cells: string[]): string[] => (parse(toSafeCsv([cells]), { relax_quotes: false }) as string[][])[0]!;

describe('CSV for spreadsheets', () => {
  it('prefixes a quote to every cell that starts like a formula, and quotes it', () => {
    const cells = ['=HYPERLINK("http://evil.example","x")', '+1', '-2', '@SUM(A1:A2)', '\tcmd', '\rcmd', '\uFF1D1+1'];
    const csv = toSafeCsv([cells]);
    expect(csv).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")","'+1","'-2","'@SUM(A1:A2)","'\tcmd","'\rcmd","'\uFF1D1+1"\n`);
    expect(roundTrip(cells)).toEqual(cells.map((c) => `'${c}`));
  });
  it('leaves ordinary cells as they are, formula characters inside a cell included', () => {
    const cells = ['Maria Lopez', 'Los Angeles', '12.50', 'a=b', 'x+1', '', "O'Brien", 'with, comma'];
    expect(roundTrip(cells)).toEqual(cells);
    expect(toSafeCsv([['Maria Lopez', '12.50']])).toBe('Maria Lopez,12.50\n');
  });
});
