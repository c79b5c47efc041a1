// Package boundaries (`pnpm depcruise`): dependency-cruiser over the product's sources with
// .dependency-cruiser.cjs, through its API because its command line refuses Node 20 (it asks for 22+).
// test/security/package-boundaries.test.ts runs the same check under jest.
import { cruise, format, type IReporterOutput } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { fileURLToPath } from 'node:url';

export const PRODUCT_DIRS = ['api/src', 'core/src', 'workers/src', 'stripe-standin/src', 'db/src', 'web/src', 'scripts'];

const root = fileURLToPath(new URL('..', import.meta.url));

/** Cruises the product's sources from the repository root; the result's `summary.violations` lists what breaks a rule. */
export async function cruiseBoundaries(): Promise<IReporterOutput> {
  const cwd = process.cwd();
  // the configuration's paths are relative to the repository root
  process.chdir(root);
  try {
    const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
    return await cruise(PRODUCT_DIRS, options, undefined, { tsConfig: extractTSConfig('tsconfig.json') });
  } finally {
    process.chdir(cwd);
  }
}

async function main() {
  const result = await cruiseBoundaries();
  if (typeof result.output === 'string') throw new Error('dependency-cruiser answered text, not a cruise result');
  console.log((await format(result.output, { outputType: 'err' })).output);
  process.exit(result.output.summary.error > 0 ? 1 : 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
