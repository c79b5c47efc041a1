import { durationInWords, entryInWords } from './certificate-format';

describe('certificate wording', () => {
  it('says how a contact field was filled in words', () => {
    expect(entryInWords('TYPED')).toBe('Typed by the person');
    expect(entryInWords('PASTED')).toBe('Pasted');
    expect(entryInWords('EMPTY')).toBe('Left empty');
    expect(entryInWords('OTHER')).toBe('OTHER');
  });

  it('reads durations as seconds under a minute, minutes and seconds above', () => {
    expect(durationInWords(1_000)).toBe('1 second');
    expect(durationInWords(1_540)).toBe('1.5 seconds');
    expect(durationInWords(125_000)).toBe('2 min 5 s');
    expect(durationInWords(180_000)).toBe('3 min');
    expect(durationInWords(null)).toBe('not recorded');
  });
});
