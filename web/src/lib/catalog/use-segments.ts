// The segment catalog as a hook: segments change rarely, so the cached answer is used when there is one.
import { useQuery } from 'urql';
import type { SegmentsQuery as TSegmentsQuery } from '../../gql/graphql';
import { apiErrorFromGraphql, type ApiError } from '../api-errors';
import { SegmentsQuery } from './catalog.operations';

export type SegmentInfo = TSegmentsQuery['segments'][number];

export function useSegments(): { segments: SegmentInfo[]; fetching: boolean; error: ApiError | null; refetch: () => void } {
  const [result, reexecute] = useQuery({ query: SegmentsQuery, requestPolicy: 'cache-first' });
  return {
    segments: result.data?.segments ?? [],
    fetching: result.fetching && !result.data,
    error: apiErrorFromGraphql(result.error),
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function segmentName(segments: readonly SegmentInfo[], code: string): string {
  return segments.find((s) => s.code === code)?.name ?? code;
}

export function subsegmentName(segments: readonly SegmentInfo[], segment: string, code: string | null | undefined): string | null {
  if (!code) return null;
  return segments.find((s) => s.code === segment)?.subsegments.find((s) => s.code === code)?.name ?? code;
}
