/** The p-th percentile (0–100) of sorted numbers, rounded to 0.01. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[i] ?? 0) * 100) / 100;
}

/** Prints rows as a two-column table per row (metrics down, corpora across). */
export function printTable(rows: readonly Record<string, string | number>[]): void {
  const keys = Object.keys(rows[0] ?? {});
  const width = Math.max(...keys.map((k) => k.length));
  const cols = rows.map((r) => Math.max(...keys.map((k) => String(r[k]).length)));
  for (const k of keys) {
    console.log(
      `${k.padEnd(width)}  ${rows.map((r, i) => String(r[k]).padStart(cols[i] ?? 0)).join("  ")}`,
    );
  }
}
