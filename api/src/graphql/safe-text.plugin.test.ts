import { parse } from 'graphql';
import { unsafeLiterals } from './safe-text.plugin';

describe('unstorable text in GraphQL literals', () => {
  it('names the argument path of an escaped NUL in a nested input literal', () => {
    const document = parse('mutation { submitLeads(input: [{ fullName: "ok" }, { consent: { text: "a\\u0000b" } }]) { id } }');
    expect(unsafeLiterals(document)).toEqual([{ path: 'input[1].consent.text', message: expect.stringMatching(/NUL/) }]);
  });

  it('checks variable defaults', () => {
    expect(unsafeLiterals(parse('query($s: String = "x\\u0000") { lead(id: "1") { id } }'))).toEqual([{ path: 's', message: expect.any(String) }]);
  });

  it('leaves a block string alone: it has no escapes, so "\\u0000" in it is six plain characters', () => {
    expect(unsafeLiterals(parse('{ lead(id: """a\\u0000b""") { id } }'))).toEqual([]);
  });

  it('accepts ordinary literals, emoji included', () => {
    expect(unsafeLiterals(parse('{ marketplace(filter: { cities: ["Zürich", "🚀"] }, first: 5) { totalCount } }'))).toEqual([]);
  });
});
