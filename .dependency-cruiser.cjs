// Package boundaries (`pnpm depcruise`, and test/security/package-boundaries.test.ts under jest).
// The domain knows no transport (HTTP, GraphQL, queues); core knows none of the apps built on it; the product
// never imports the Stripe stand-in (only scripts/ and test/ start it); the web app talks to the API over
// HTTP only; and no package has an import cycle. Type-only imports count: a type is a dependency too.
const TRANSPORT = '(express|graphql|@apollo/[^/]+|bullmq|@bull-board/[^/]+|pino-http)';
// an npm package's resolved path (node_modules/.pnpm/…/node_modules/<name>/…) or its bare name when unresolved
const npm = (names) => `(^|/node_modules/)${names}(/|$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-without-transport',
      comment:
        'core/src/domain is the business: no HTTP server, GraphQL, queue library or request logger in it (those live in api/, workers/ and core/src/queues).',
      severity: 'error',
      from: { path: '^core/src/domain/' },
      to: { path: npm(TRANSPORT) },
    },
    {
      name: 'core-without-apps',
      comment: 'core/ is what the apps are built on: it imports nothing from api/, workers/, stripe-standin/ or web/.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(api|workers|stripe-standin|web)/' },
    },
    {
      name: 'workers-without-http',
      comment: 'workers/ run jobs over core: no GraphQL, Apollo or express, and nothing from api/.',
      severity: 'error',
      from: { path: '^workers/' },
      to: { path: [npm('(graphql|@apollo/[^/]+|express)'), '^api/'] },
    },
    {
      name: 'product-without-standin',
      comment: 'The local Stripe fake is started by scripts/ and test/ only; the product reaches Stripe through core/src/stripe.',
      severity: 'error',
      from: { path: '^(api|core|workers)/' },
      to: { path: '^stripe-standin/' },
    },
    {
      name: 'web-over-http-only',
      comment: 'web/ talks to the API over HTTP and GraphQL only: nothing from core/, api/, workers/, db/ or stripe-standin/.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(core|api|workers|db|stripe-standin)/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles in the packages and scripts, type-only imports included.',
      severity: 'error',
      from: { path: '^(api|core|workers|db|stripe-standin|web|scripts)/' },
      to: { circular: true },
    },
    {
      name: 'resolvable',
      comment: 'Every import resolves: a boundary rule cannot see through an import it could not follow.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // our own build output and data only: a package's files under node_modules/…/dist/ are still seen
    exclude: { path: '^(web/)?dist/|^coverage/|(^|/)\\.data/|^db/migrations/' },
    // type-only imports are dependencies too
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // the workspace packages resolve through their package.json "exports" to TypeScript sources
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
