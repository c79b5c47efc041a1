// One matrix cell on the wire: a document generated from the schema for one root field, sent as one actor,
// and its answer classified as allowed (A), UNAUTHENTICATED (U), FORBIDDEN (F), hidden (N) or broken (E).
import { getNamedType, isLeafType, isNonNullType, isObjectType, Lexer, Source, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { Auth } from './authz-world';

export type Outcome = 'A' | 'U' | 'F' | 'N' | 'E';
export interface Answer {
  status: number;
  data: Record<string, unknown> | null;
  errors: { message: string; path?: (string | number)[]; extensions?: { code?: string; reason?: string } }[];
}

// deep enough to reach a purchase's lead contact through a dispute, shallow enough for the query limits
const MAX_DEPTH = 6;

function selection(type: GraphQLObjectType, depth: number, path: Set<string>): string {
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type))) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (isObjectType(named) && depth < MAX_DEPTH && !path.has(named.name)) {
      parts.push(`${field.name} ${selection(named, depth + 1, new Set([...path, named.name]))}`);
    }
  }
  return `{ ${parts.join(' ')} }`;
}

/** `mutation($a: T!) { field(a: $a) { …every field a few levels down… } }` for the arguments given. */
export function documentFor(schema: GraphQLSchema, operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, argNames: string[]): string {
  const args = field.args.filter((a) => argNames.includes(a.name));
  const defs = args.length ? `(${args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})` : '';
  const call = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const named = getNamedType(field.type);
  const sel = isObjectType(named) ? ` ${selection(named, 1, new Set([named.name]))}` : '';
  return `${operation}${defs} { ${field.name}${call}${sel} }`;
}

export function tokenCount(doc: string): number {
  const lexer = new Lexer(new Source(doc));
  let n = 0;
  while (lexer.advance().kind !== '<EOF>') n += 1;
  return n;
}

function headers(auth: Auth): Record<string, string> {
  if (auth.token) return { authorization: `Bearer ${auth.token}` };
  if (auth.apiKey) return { authorization: `ApiKey ${auth.apiKey}` };
  return {};
}

export async function send(url: string, auth: Auth, query: string, variables: Record<string, unknown>, upload: boolean): Promise<Answer> {
  let res: Response;
  if (upload) {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query, variables: { ...variables, file: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', new Blob([String(variables.file)], { type: 'text/csv' }), 'leads.csv');
    res = await fetch(url, { method: 'POST', body: form, headers: { ...headers(auth), 'apollo-require-preflight': 'true' } });
  } else {
    res = await fetch(url, { method: 'POST', headers: { ...headers(auth), 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  }
  const text = await res.text();
  try {
    const body = JSON.parse(text) as Partial<Answer>;
    return { status: res.status, data: body.data ?? null, errors: body.errors ?? [] };
  } catch {
    return { status: res.status, data: null, errors: [{ message: text.slice(0, 200), extensions: { code: `HTTP_${res.status}` } }] };
  }
}

const NEVER_RESOLVED = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/** The answer to the root field only: errors deeper down are notes, not the field's verdict. */
export function classify(field: string, answer: Answer, nullIsAnswer: boolean): { outcome: Outcome; note: string } {
  const own = answer.errors.filter((e) => !e.path || e.path.length <= 1);
  const deeper = answer.errors.filter((e) => e.path && e.path.length > 1);
  const codes = own.map((e) => e.extensions?.code ?? '?');
  const note = [...own, ...deeper]
    .map(
      (e) =>
        `${e.path && e.path.length > 1 ? `${e.path.join('.')}: ` : ''}${e.extensions?.code ?? '?'}${e.extensions?.reason ? `/${e.extensions.reason}` : ''}`,
    )
    .join(', ');
  // the document or its variables never reached a resolver: the cell tested nothing
  if (own.some((e) => NEVER_RESOLVED.has(e.extensions?.reason ?? ''))) return { outcome: 'E', note };
  if ((answer.status >= 500 && !answer.data) || codes.includes('INTERNAL_SERVER_ERROR')) return { outcome: 'E', note: note || `HTTP ${answer.status}` };
  if (codes.includes('UNAUTHENTICATED')) return { outcome: 'U', note };
  if (codes.includes('FORBIDDEN')) return { outcome: 'F', note };
  if (codes.includes('NOT_FOUND')) return { outcome: 'N', note };
  // (a null that bubbled up from a failing sub-field still means the resolver let the caller in)
  if (!own.length && !deeper.length && answer.data?.[field] === null && !nullIsAnswer) return { outcome: 'N', note: 'null' };
  return { outcome: 'A', note };
}

/** Whether an outcome satisfies one cell of the table. */
export function satisfies(expected: string, outcome: Outcome): boolean {
  if (expected === 'D') return outcome === 'U' || outcome === 'F' || outcome === 'N';
  return expected === outcome;
}
