// @leadex/api: the HTTP server (GraphQL, REST routes, the built web app) over @leadex/core's runtime.
export { createHttpApp } from './http/app';
// the schema and the error formatter, for the authorization-matrix and log-redaction tests
export { loadTypeDefs } from './graphql/apollo';
export { createErrorFormatter } from './graphql/errors';
