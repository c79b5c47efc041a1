// Every page of a Relay connection, for dashboards that aggregate a whole list (not for long tables:
// those page with "Load more"). Stops after `maxPages` and says so, so a huge history cannot hang the page.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { apiErrorFromGraphql, type ApiError } from './api-errors';

export interface ConnectionPage<TNode> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: TNode }[];
}

export interface AllPages<TNode> {
  nodes: TNode[];
  totalCount: number | null;
  /** true until every page (or maxPages) arrived */
  fetching: boolean;
  error: ApiError | null;
  /** more pages exist than were loaded */
  truncated: boolean;
  reload: () => void;
}

type PageVariables = { first?: number | null; after?: string | null };

export function useAllPages<TData, TVariables extends PageVariables, TNode>(
  query: TypedDocumentNode<TData, TVariables>,
  select: (data: TData) => ConnectionPage<TNode>,
  options: { pageSize?: number; maxPages?: number } = {},
): AllPages<TNode> {
  const client = useClient();
  const pageSize = options.pageSize ?? 100;
  const maxPages = options.maxPages ?? 20;
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<Omit<AllPages<TNode>, 'reload'>>({ nodes: [], totalCount: null, fetching: true, error: null, truncated: false });
  // `select` is a pure projection, usually a new function each render: the latest one is used, and a new one
  // does not reload the list
  const selectRef = useRef(select);
  useEffect(() => {
    selectRef.current = select;
  });

  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ ...s, fetching: true, error: null }));
    (async () => {
      const nodes: TNode[] = [];
      let after: string | null = null;
      let totalCount: number | null = null;
      for (let page = 0; page < maxPages; page += 1) {
        const variables = { first: pageSize, after } as TVariables;
        const result = await client.query(query, variables, { requestPolicy: 'network-only' }).toPromise();
        if (cancelled) return;
        const error = apiErrorFromGraphql(result.error);
        if (error || !result.data) {
          setState({
            nodes,
            totalCount,
            fetching: false,
            error: error ?? { code: 'INTERNAL_SERVER_ERROR', reason: null, message: 'No data came back.', fields: [] },
            truncated: false,
          });
          return;
        }
        const connection = selectRef.current(result.data);
        totalCount = connection.totalCount;
        nodes.push(...connection.edges.map((e) => e.node));
        after = connection.pageInfo.endCursor ?? null;
        if (!connection.pageInfo.hasNextPage || !after) {
          setState({ nodes, totalCount, fetching: false, error: null, truncated: false });
          return;
        }
      }
      setState({ nodes, totalCount, fetching: false, error: null, truncated: true });
    })();
    return () => {
      cancelled = true;
    };
  }, [client, query, pageSize, maxPages, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
