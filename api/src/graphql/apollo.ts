// The Apollo server: schema files, resolvers, query limits (graphql-armor) and error formatting.
import { ApolloServer } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { authResolvers } from './auth.resolver';
import { catalogResolvers } from './catalog.resolver';
import type { GqlContext } from './context';
import { createErrorFormatter } from './errors';
import { disputeResolvers } from './disputes.resolver';
import { exchangeResolvers } from './exchange.resolver';
import { leadResolvers } from './leads.resolver';
import { orderResolvers } from './orders.resolver';
import { scalarResolvers } from './scalars';
import { verificationResolvers } from './verification.resolver';

const schemaDir = fileURLToPath(new URL('./schema', import.meta.url));

export function loadTypeDefs(): string {
  return readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(`${schemaDir}/${f}`, 'utf8'))
    .join('\n');
}

type ResolverMap = Record<string, Record<string, unknown>>;
function mergeResolvers(...maps: ResolverMap[]): ResolverMap {
  const out: ResolverMap = {};
  for (const m of maps) for (const [type, fields] of Object.entries(m)) out[type] = { ...(out[type] ?? {}), ...fields };
  return out;
}

export function createApolloServer(logger: Logger, production: boolean) {
  const armor = new ApolloArmor({
    maxDepth: { n: 8, exposeLimits: !production },
    maxAliases: { n: 15, exposeLimits: !production },
    costLimit: { maxCost: 20_000, exposeLimits: !production },
    maxTokens: { n: 4000, exposeLimits: !production },
    maxDirectives: { n: 20, exposeLimits: !production },
  });
  const protection = armor.protect();
  return new ApolloServer<GqlContext>({
    typeDefs: loadTypeDefs(),
    resolvers: mergeResolvers(scalarResolvers as unknown as ResolverMap, authResolvers, leadResolvers, catalogResolvers, orderResolvers, disputeResolvers, verificationResolvers, exchangeResolvers) as never,
    formatError: createErrorFormatter(logger),
    ...protection,
    introspection: true,
    includeStacktraceInErrorResponses: false,
  });
}
