// Custom scalars: DateTime (ISO-8601), Decimal (a decimal string such as "12.50"), JSON, Upload.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import GraphQLUpload from 'graphql-upload/GraphQLUpload.mjs';

const DECIMAL = /^-?\d{1,13}(\.\d{1,8})?$/;

function parseDecimalLiteral(value: unknown): string {
  if (typeof value !== 'string' || !DECIMAL.test(value.trim())) {
    throw new GraphQLError('Decimal must be a string like "12.50"', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value.trim();
}

export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'A decimal number as a string, e.g. "12.50" (never a float)',
  serialize: (value) => String(value),
  parseValue: parseDecimalLiteral,
  parseLiteral: (ast) => parseDecimalLiteral(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const scalarResolvers = {
  DateTime: DateTimeResolver,
  Decimal: DecimalScalar,
  JSON: JSONResolver,
  Upload: GraphQLUpload,
};
