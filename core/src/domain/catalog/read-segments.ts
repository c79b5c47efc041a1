// Segments as every caller may read them: the catalog list and one segment after an operator changed it.
import type { AppDeps } from '../app-deps';
import type { SegmentDefinition } from '../leads/lead.types';
import { DomainError } from '../shared/domain-error';
import { loadSegments } from './catalog.service';

export function listSegments(deps: AppDeps): Promise<SegmentDefinition[]> {
  return loadSegments(deps.db);
}

/** Segment codes are stored in capitals; `code` is matched case-insensitively. */
export async function readSegment(deps: AppDeps, code: string): Promise<SegmentDefinition> {
  const wanted = code.trim().toUpperCase();
  const found = (await loadSegments(deps.db)).find((s) => s.code === wanted);
  if (!found) throw new DomainError('SEGMENT_NOT_FOUND', `No segment ${wanted}`);
  return found;
}
