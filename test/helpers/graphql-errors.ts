// The first GraphQL error of a request that is expected to fail (graphql-request throws ClientError).
import { ClientError } from 'graphql-request';

export async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof ClientError) return err.response.errors![0]!;
    throw err;
  }
  throw new Error('expected an error');
}
