// Axis arithmetic for the small SVG/CSS charts: a round top value and bar sizes as percentages.

/** The smallest 1, 2 or 5 × 10^k at or above `max` (1 for nothing to show), so the axis reads cleanly. */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) {
    if (step * magnitude >= max - 1e-9) return step * magnitude;
  }
  return 10 * magnitude;
}

/** value as a share of top, clamped to 0–100 (a percentage for a bar's length). */
export function percentOf(value: number, top: number): number {
  if (!Number.isFinite(value) || top <= 0) return 0;
  return Math.min(100, Math.max(0, (value / top) * 100));
}

/** Which x labels to print under n columns: the first, the last, and a few evenly between. */
export function tickIndexes(n: number, maxTicks = 5): number[] {
  if (n <= 0) return [];
  if (n <= maxTicks) return Array.from({ length: n }, (_, i) => i);
  const step = (n - 1) / (maxTicks - 1);
  return [...new Set(Array.from({ length: maxTicks }, (_, i) => Math.round(i * step)))];
}
