// Component and unit tests of the web app: jsdom, TypeScript/TSX through @swc/jest, native ESM
// (run with NODE_OPTIONS=--experimental-vm-modules, as the `test` script does).
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
];

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'jsdom',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/'],
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  moduleNameMapper: { '\\.css$': '<rootDir>/src/test/style-stub.js' },
  setupFiles: ['<rootDir>/src/test/setup.ts'],
  // a form test types a few hundred keystrokes through user-event: on a busy 2-core machine that can pass 5 s
  testTimeout: 20000,
};
