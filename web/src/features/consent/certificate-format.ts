// How a certificate's facts read on the page: durations in words, and how a contact field was filled.

const ENTRY_WORDS: Record<string, string> = {
  TYPED: 'Typed by the person',
  PASTED: 'Pasted',
  EMPTY: 'Left empty',
};

/** TYPED / PASTED / EMPTY in words; an unknown value is shown as it came. */
export function entryInWords(entry: string): string {
  return ENTRY_WORDS[entry] ?? entry;
}

/** 1 500 → "1.5 seconds", 125 000 → "2 min 5 s"; null → "not recorded". */
export function durationInWords(ms: number | null | undefined): string {
  if (ms == null) return 'not recorded';
  if (ms < 60_000) {
    const seconds = Math.round(ms / 100) / 10;
    return `${seconds} second${seconds === 1 ? '' : 's'}`;
  }
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
}
