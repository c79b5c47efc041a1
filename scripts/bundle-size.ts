// The web app's bundle size, read from web/dist after `pnpm --filter @leadex/web run build`: the first load
// (the entry script, the stylesheets and the chunks index.html preloads) and everything, raw and gzip, as a
// table and one JSON line. Exits 1 when the first load (JS + CSS, gzip) is over the budget.
//   tsx scripts/bundle-size.ts [--budget-kb 135]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const DIST = fileURLToPath(new URL('../web/dist', import.meta.url));
const DEFAULT_BUDGET_KB = 135;

interface Size {
  raw: number;
  gzip: number;
}

function sizeOf(file: string): Size {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function add(a: Size, b: Size): Size {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip };
}

const ZERO: Size = { raw: 0, gzip: 0 };

/** The assets index.html loads before the first paint: its module script, modulepreloads and stylesheets. */
export function firstLoadAssets(indexHtml: string): string[] {
  const refs = new Set<string>();
  for (const m of indexHtml.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const tag = m[0];
    const isScript = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = /rel="(?:modulepreload|stylesheet)"/.test(tag);
    if (!isScript && !isPreload) continue;
    const ref = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (ref && ref.startsWith('/assets/')) refs.add(ref.slice(1));
  }
  return [...refs];
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function main() {
  const flag = process.argv.indexOf('--budget-kb');
  const budgetKb = flag > 0 ? Number(process.argv[flag + 1]) : DEFAULT_BUDGET_KB;
  if (!Number.isFinite(budgetKb) || budgetKb <= 0) throw new Error('--budget-kb takes a positive number');
  const first = firstLoadAssets(readFileSync(join(DIST, 'index.html'), 'utf8'));
  let firstJs = ZERO;
  let firstCss = ZERO;
  for (const asset of first) {
    const size = sizeOf(join(DIST, asset));
    if (asset.endsWith('.css')) firstCss = add(firstCss, size);
    else firstJs = add(firstJs, size);
  }
  let totalJs = ZERO;
  let totalCss = ZERO;
  for (const file of listFiles(join(DIST, 'assets'))) {
    if (file.endsWith('.js')) totalJs = add(totalJs, sizeOf(file));
    else if (file.endsWith('.css')) totalCss = add(totalCss, sizeOf(file));
  }
  const rows: [string, Size][] = [
    ['first load JS', firstJs],
    ['first load CSS', firstCss],
    ['first load JS + CSS', add(firstJs, firstCss)],
    ['total JS', totalJs],
    ['total JS + CSS', add(totalJs, totalCss)],
  ];
  console.log(`web/dist (${first.length} first-load files)`);
  for (const [label, s] of rows) console.log(`  ${label.padEnd(20)} ${kb(s.raw).padStart(8)} kB raw ${kb(s.gzip).padStart(8)} kB gzip`);
  const firstLoad = add(firstJs, firstCss);
  const over = firstLoad.gzip / 1024 > budgetKb;
  console.log(
    JSON.stringify({
      bundle: 'web',
      firstLoadJs: firstJs,
      firstLoadCss: firstCss,
      firstLoad,
      totalJs,
      total: add(totalJs, totalCss),
      budgetGzipKb: budgetKb,
      withinBudget: !over,
    }),
  );
  if (over) {
    console.error(`The first load (${kb(firstLoad.gzip)} kB gzip) is over the budget of ${budgetKb} kB.`);
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
