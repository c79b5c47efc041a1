// The Apollo server: schema files, resolvers, query limits (graphql-armor) and error formatting.
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { apiKeyGatePlugin } from './api-key-gate.plugin';
import { auditResolvers } from './audit.resolver';
import { authResolvers } from './auth.resolver';
import { catalogResolvers } from './catalog.resolver';
import type { GqlContext } from './context';
import { createErrorFormatter } from './errors';
import { deliveryResolvers } from './deliveries.resolver';
import { disputeResolvers } from './disputes.resolver';
import { exchangeResolvers } from './exchange.resolver';
import { httpStatusPlugin } from './http-status.plugin';
import { leadResolvers } from './leads.resolver';
import { ledgerResolvers } from './ledger.resolver';
import { marketplaceResolvers } from './marketplace.resolver';
import { operatorResolvers } from './operator.resolver';
import { orderResolvers } from './orders.resolver';
import { purchaseResolvers } from './purchases.resolver';
import { platformResolvers } from './platform.resolver';
import { safeTextPlugin } from './safe-text.plugin';
import { scalarResolvers } from './scalars';
import { settlementResolvers } from './settlement.resolver';
import { signInSecurityResolvers } from './sign-in-security.resolver';
import { twoFactorGatePlugin } from './two-factor-gate.plugin';
import { consentResolvers } from './consent.resolver';
import { suppressionResolvers } from './suppression.resolver';
import { notificationResolvers } from './notifications.resolver';
import { onboardingResolvers } from './onboarding.resolver';
import { leadHistoryResolvers } from './lead-history.resolver';
import { teamResolvers } from './teams.resolver';
import { verificationResolvers } from './verification.resolver';
import { walletResolvers } from './wallet.resolver';

const schemaDir = fileURLToPath(new URL('./schema', import.meta.url));

export function loadTypeDefs(): string {
  return readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(`${schemaDir}/${f}`, 'utf8'))
    .join('\n');
}

type ResolverMap = Record<string, Record<string, unknown>>;

// one map per concept; a type's fields may come from several (Lead.findings, Purchase.dispute)
const RESOLVERS: ResolverMap[] = [
  scalarResolvers as unknown as ResolverMap,
  authResolvers,
  auditResolvers,
  catalogResolvers,
  leadResolvers,
  verificationResolvers,
  orderResolvers,
  purchaseResolvers,
  disputeResolvers,
  settlementResolvers,
  ledgerResolvers,
  operatorResolvers,
  walletResolvers,
  exchangeResolvers,
  deliveryResolvers,
  suppressionResolvers,
  platformResolvers,
  consentResolvers,
  notificationResolvers,
  signInSecurityResolvers,
  teamResolvers,
  marketplaceResolvers,
  onboardingResolvers,
  leadHistoryResolvers,
];

/** Two maps resolving the same field is a mistake when the files are split by concept: refuse to start. */
function mergeResolvers(...maps: ResolverMap[]): ResolverMap {
  const out: ResolverMap = {};
  for (const m of maps) {
    for (const [type, fields] of Object.entries(m)) {
      const into = (out[type] ??= {});
      for (const [field, resolver] of Object.entries(fields)) {
        if (field in into) throw new Error(`${type}.${field} is resolved twice`);
        into[field] = resolver;
      }
    }
  }
  return out;
}

const MAX_TOKENS = 4000;

export function createApolloServer(logger: Logger, production: boolean) {
  const armor = new ApolloArmor({
    maxDepth: { n: 8, exposeLimits: !production },
    maxAliases: { n: 15, exposeLimits: !production },
    costLimit: { maxCost: 20_000, exposeLimits: !production },
    // armor's token counter parses in a plugin hook, where a syntax error becomes a 500: graphql-js counts
    // tokens itself during the one real parse (parseOptions below), and that error is a 400 GRAPHQL_PARSE_FAILED
    maxTokens: { enabled: false },
    maxDirectives: { n: 20, exposeLimits: !production },
  });
  const protection = armor.protect();
  return new ApolloServer<GqlContext>({
    typeDefs: loadTypeDefs(),
    resolvers: mergeResolvers(...RESOLVERS) as never,
    formatError: createErrorFormatter(logger),
    ...protection,
    parseOptions: { maxTokens: MAX_TOKENS },
    plugins: [
      ...protection.plugins,
      safeTextPlugin<GqlContext>(),
      apiKeyGatePlugin(),
      twoFactorGatePlugin(),
      httpStatusPlugin<GqlContext>(),
      // production has no schema browser: introspection is off there, and the page loads scripts from a CDN
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
    // the schema is public in the repository, but production need not hand attackers a map of it
    introspection: !production,
    includeStacktraceInErrorResponses: false,
  });
}
