// How big the next settlement chunk is: sized from the time a sale took in the last chunk so the next transaction
// takes about the target time, never more than doubling or less than halving at a step (one slow chunk — a
// checkpoint, a busy moment — does not swing it). The rate comes from the sales the chunk worked through, not the
// ones it asked for: a seller's short last chunk says nothing about how long a full one takes.
export interface ChunkSizing {
  targetMs: number;
  min: number;
  max: number;
}

export function nextChunkSize(limit: number, worked: number, elapsedMs: number, sizing: ChunkSizing): number {
  if (worked <= 0) return limit;
  const perSaleMs = Math.max(elapsedMs, 0.001) / worked;
  const scaled = Math.round(sizing.targetMs / perSaleMs);
  const bounded = Math.min(limit * 2, Math.max(Math.floor(limit / 2), scaled));
  return Math.min(sizing.max, Math.max(sizing.min, bounded));
}
