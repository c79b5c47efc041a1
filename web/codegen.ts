// Typed GraphQL operations: `graphql()` calls in src/ checked against the API's SDL, types into src/gql/.
// The output is committed so the build does not need codegen; run `pnpm run codegen` after changing
// an operation or when the API schema changes.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../api/src/graphql/schema/*.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*', '!src/**/*.test.{ts,tsx}'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: { DateTime: 'string', Decimal: 'string', JSON: 'unknown', Upload: 'File' },
      },
    },
  },
};

export default config;
