// One jest run for every package: unit tests beside the code, integration tests in test/.
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } }, module: { type: 'es6' } }];

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  // ESM-only packages are loaded natively; nothing in node_modules needs transforming
  transformIgnorePatterns: ['/node_modules/'],
  roots: ['<rootDir>/api', '<rootDir>/core', '<rootDir>/stripe-standin', '<rootDir>/db', '<rootDir>/workers', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/web/'],
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
