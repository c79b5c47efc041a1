// How big the next settlement chunk is: scaled so its transaction takes about the target time, never more than
// doubling or less than halving at a step (one slow chunk — a checkpoint, a busy moment — does not swing it).
export interface ChunkSizing {
  targetMs: number;
  min: number;
  max: number;
}

export function nextChunkSize(current: number, elapsedMs: number, sizing: ChunkSizing): number {
  const scaled = elapsedMs > 0 ? Math.round((current * sizing.targetMs) / elapsedMs) : current * 2;
  const bounded = Math.min(current * 2, Math.max(Math.floor(current / 2), scaled));
  return Math.min(sizing.max, Math.max(sizing.min, bounded));
}
