import type { DayCount } from "../../src/tools.ts";
import { escapeHtml } from "./escape.ts";

const W = 720;
const H = 200;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

const axisLabels = (days: readonly DayCount[], x: (i: number) => number): string => {
  const step = Math.max(1, Math.ceil(days.length / 8));
  return days
    .map((d, i) =>
      i % step === 0
        ? `<text x="${x(i).toFixed(1)}" y="${H - 8}" font-size="10" text-anchor="middle">${escapeHtml(d.day.slice(5))}</text>`
        : "",
    )
    .join("");
};

/** Stacked bars of questions a day: answered, not found, the rest (help). */
export function volumeChart(days: readonly DayCount[]): string {
  const max = Math.max(1, ...days.map((d) => d.total));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, days.length);
  const x = (i: number) => PAD.left + slot * (i + 0.5);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const bars = days
    .map((d, i) => {
      const parts: [number, string, string][] = [
        [d.answered, "#2e7d32", "answered"],
        [d.notFound, "#c62828", "not found"],
        [d.total - d.answered - d.notFound, "#9e9e9e", "help"],
      ];
      let base = 0;
      return parts
        .map(([v, color, label]) => {
          if (v <= 0) return "";
          const rect = `<rect x="${(x(i) - slot * 0.4).toFixed(1)}" y="${y(base + v).toFixed(1)}" width="${(slot * 0.8).toFixed(1)}" height="${(y(base) - y(base + v)).toFixed(1)}" fill="${color}"><title>${escapeHtml(`${d.day}: ${v} ${label}`)}</title></rect>`;
          base += v;
          return rect;
        })
        .join("");
    })
    .join("");
  return `<svg class="chart" role="img" aria-label="Questions a day" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">
<line x1="${PAD.left}" y1="${y(0)}" x2="${W - PAD.right}" y2="${y(0)}" stroke="#666"/>
<text x="${PAD.left - 6}" y="${y(max) + 4}" font-size="10" text-anchor="end">${max}</text>
<text x="${PAD.left - 6}" y="${y(0) + 4}" font-size="10" text-anchor="end">0</text>
${bars}${axisLabels(days, x)}</svg>`;
}

/** The answered rate a day, as a line; days without real questions leave a gap. */
export function rateChart(days: readonly DayCount[]): string {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (plotW * (i + 0.5)) / Math.max(1, days.length);
  const y = (v: number) => PAD.top + plotH - v * plotH;
  const segments: string[] = [];
  let current: string[] = [];
  const dots: string[] = [];
  days.forEach((d, i) => {
    const asked = d.answered + d.notFound;
    if (asked === 0) {
      if (current.length > 1) segments.push(current.join(" "));
      current = [];
      return;
    }
    const rate = d.answered / asked;
    current.push(`${x(i).toFixed(1)},${y(rate).toFixed(1)}`);
    dots.push(
      `<circle cx="${x(i).toFixed(1)}" cy="${y(rate).toFixed(1)}" r="3" fill="#1565c0"><title>${escapeHtml(`${d.day}: ${Math.round(rate * 100)}% answered`)}</title></circle>`,
    );
  });
  if (current.length > 1) segments.push(current.join(" "));
  const lines = segments
    .map((pts) => `<polyline points="${pts}" fill="none" stroke="#1565c0" stroke-width="2"/>`)
    .join("");
  const grid = [0, 0.5, 1]
    .map(
      (v) =>
        `<line x1="${PAD.left}" y1="${y(v)}" x2="${W - PAD.right}" y2="${y(v)}" stroke="#ddd"/><text x="${PAD.left - 6}" y="${y(v) + 4}" font-size="10" text-anchor="end">${v * 100}%</text>`,
    )
    .join("");
  return `<svg class="chart" role="img" aria-label="Answered rate a day" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">
${grid}${lines}${dots.join("")}${axisLabels(days, x)}</svg>`;
}

/** Horizontal bars, one per row, labelled. */
export function barList(rows: readonly { label: string; value: number }[]): string {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowH = 22;
  const height = rows.length * rowH + 4;
  const body = rows
    .map((r, i) => {
      const w = (r.value / max) * 300;
      return `<text x="0" y="${i * rowH + 15}" font-size="12">${escapeHtml(r.label.length > 48 ? r.label.slice(0, 47) + "…" : r.label)}</text><rect x="330" y="${i * rowH + 4}" width="${w.toFixed(1)}" height="14" fill="#1565c0"/><text x="${(336 + w).toFixed(1)}" y="${i * rowH + 15}" font-size="12">${r.value}</text>`;
    })
    .join("");
  return `<svg class="chart" role="img" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}">${body}</svg>`;
}
