// Raw HTTP requests for the security suite: whatever shape a client can put on the wire, and the answer
// reduced to what the tests judge (status, error codes, field paths).

export interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer | FormData;
}

export interface RawAnswer {
  status: number;
  codes: string[];
  reasons: string[];
  paths: string[];
  json: unknown;
  headers: Headers;
}

interface ErrorJson {
  message?: string;
  extensions?: { code?: string; reason?: string; fields?: { path: string }[] };
}

/** Sends one request and reads GraphQL `errors` or the REST `{ error }` shape, whichever came back. */
export async function sendRaw(baseUrl: string, req: RawRequest, timeoutMs = 20_000): Promise<RawAnswer> {
  const res = await fetch(`${baseUrl}${req.path ?? '/graphql'}`, {
    method: req.method ?? 'POST',
    headers: req.headers,
    signal: AbortSignal.timeout(timeoutMs),
    body: typeof req.body === 'string' || req.body instanceof FormData ? req.body : req.body ? new Uint8Array(req.body) : undefined,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  const errors: ErrorJson[] = Array.isArray((json as { errors?: unknown })?.errors) ? (json as { errors: ErrorJson[] }).errors : [];
  const restError = (json as { error?: { code?: string; reason?: string } } | null)?.error;
  const codes = errors.map((e) => e.extensions?.code ?? '');
  const reasons = errors.map((e) => e.extensions?.reason ?? '');
  if (restError?.code) codes.push(restError.code);
  if (restError?.reason) reasons.push(restError.reason);
  return { status: res.status, codes, reasons, paths: errors.flatMap((e) => e.extensions?.fields?.map((f) => f.path) ?? []), json, headers: res.headers };
}

export const json = (value: unknown, headers: Record<string, string> = {}): RawRequest => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(value),
});

export const gql = (query: string, variables?: unknown, headers: Record<string, string> = {}): RawRequest => json({ query, variables }, headers);

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A graphql-multipart-request-spec body; `parts` are the raw fields, in order (leave one out to break it). */
export function multipart(parts: [name: string, value: string | Blob, filename?: string][], headers: Record<string, string> = {}): RawRequest {
  const form = new FormData();
  for (const [name, value, filename] of parts) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, filename ?? 'leads.csv');
  }
  // multipart is a "simple" content type: Apollo's CSRF prevention wants this header on it
  return { headers: { 'apollo-require-preflight': 'true', ...headers }, body: form };
}

/** A multipart body cut off before its closing boundary, as a client that stopped writing would leave it. */
export function truncatedMultipart(operations: string, map: string, fileBytes: number, headers: Record<string, string> = {}): RawRequest {
  const boundary = 'leadexboundary42';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="operations"\r\n\r\n${operations}\r\n` +
        `--${boundary}\r\ncontent-disposition: form-data; name="map"\r\n\r\n${map}\r\n` +
        `--${boundary}\r\ncontent-disposition: form-data; name="0"; filename="leads.csv"\r\ncontent-type: text/csv\r\n\r\n`,
    ),
    Buffer.alloc(fileBytes, 'a'),
  ]);
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'apollo-require-preflight': 'true', ...headers }, body };
}

export const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
