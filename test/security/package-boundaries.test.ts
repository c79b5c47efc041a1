// Package boundaries, enforced under jest as well as by `pnpm depcruise`: the rules of .dependency-cruiser.cjs
// (the domain knows no transport, core knows no app, the product never imports the Stripe stand-in, the web app
// imports no server package, no import cycles) hold over the product's sources.
import { cruiseBoundaries, PRODUCT_DIRS } from '../../scripts/depcruise';

it('keeps every package inside its boundaries', async () => {
  const { output } = await cruiseBoundaries();
  if (typeof output === 'string') throw new Error('dependency-cruiser answered text, not a cruise result');
  // every product directory was cruised, and the workspace packages resolved to their sources
  for (const dir of PRODUCT_DIRS) expect(output.modules.some((m) => m.source.startsWith(`${dir}/`))).toBe(true);
  const core = output.modules.flatMap((m) => m.dependencies).find((d) => d.module === '@leadex/core');
  expect(core?.resolved).toBe('core/src/index.ts');
  const violations = output.summary.violations.map(
    (v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (cycle ${v.cycle.map((c) => c.name).join(' → ')})` : ''}`,
  );
  expect(violations).toEqual([]);
}, 120_000);
