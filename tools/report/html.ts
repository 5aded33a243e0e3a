import type { Summary } from "../../src/tools.ts";
import { barList, rateChart, volumeChart } from "./charts.ts";
import { escapeHtml as e } from "./escape.ts";

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd}
.figures{display:flex;gap:1.5rem;flex-wrap:wrap}.figure{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem}
.figure b{display:block;font-size:1.5rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:.35rem;text-align:left;vertical-align:top}
.muted{color:#777}.chart{max-width:100%;height:auto}ul.examples{margin:0;padding-left:1.1rem}`;

const pct = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(1)}%`);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function section(id: string, title: string, body: string, empty: string, show: boolean): string {
  return `<section id="${id}"><h2>${e(title)}</h2>${show ? body : `<p class="muted">${e(empty)}</p>`}</section>`;
}

/** The knowledge-gap report: one self-contained page (inline CSS and SVG, no script). */
export function toReportHtml(s: Summary, meta: { store: string; seeds: string | null }): string {
  const figures = [
    ["Questions", String(s.total)],
    ["Answered", String(s.answered)],
    ["Not found", String(s.notFound)],
    ["Answered rate", pct(s.answeredRate)],
    ["Votes up / down", `${s.votes.up} / ${s.votes.down}`],
  ]
    .map(
      ([k, v]) =>
        `<div class="figure" data-figure="${e(k ?? "")}">${e(k ?? "")}<b>${e(v ?? "")}</b></div>`,
    )
    .join("");
  const gaps = `<table><thead><tr><th>Topic</th><th>Questions</th><th>Examples</th></tr></thead><tbody>${s.gaps
    .map(
      (g) =>
        `<tr><td>${e(g.topic)}</td><td>${g.count}</td><td><ul class="examples">${g.examples.map((x) => `<li>${e(x)}</li>`).join("")}</ul></td></tr>`,
    )
    .join("")}</tbody></table>`;
  const disliked = `<table><thead><tr><th>Question</th><th>Down</th><th>Up</th><th>Reasons</th><th>Cited</th></tr></thead><tbody>${s.disliked
    .slice(0, 25)
    .map(
      (d) =>
        `<tr><td>${e(d.question)}</td><td>${d.down}</td><td>${d.up}</td><td>${d.reasons.length ? `<ul class="examples">${d.reasons.map((r) => `<li>${e(r)}</li>`).join("")}</ul>` : '<span class="muted">none given</span>'}</td><td>${[...new Set(d.cited.map((c) => `${c.doc}:${c.line}`))].map(e).join("<br>")}</td></tr>`,
    )
    .join("")}</tbody></table>`;
  const most = s.cited.slice(0, 10);
  const least = s.cited.length > 10 ? s.cited.slice(-10).reverse() : [];
  const cited =
    `<h3>Most cited</h3>${barList(most.map((c) => ({ label: c.doc, value: c.count })))}` +
    (least.length
      ? `<h3>Least cited</h3>${barList(least.map((c) => ({ label: c.doc, value: c.count })))}`
      : "");
  const never = `<ul>${s.neverCited.map((d) => `<li>${e(d)}</li>`).join("")}</ul>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>citebot knowledge-gap report</title><style>${STYLE}</style></head><body>
<h1>citebot knowledge-gap report</h1>
<p class="muted">${e(day(s.from))} to ${e(day(s.to))} · store ${e(meta.store)}${meta.seeds ? ` · seeds ${e(meta.seeds)}` : ""}</p>
<div class="figures">${figures}</div>
${section("volume", "Questions a day", volumeChart(s.days) + '<p class="muted">green answered, red not found, grey help</p>', "No questions in this period.", s.total > 0)}
${section("rate", "Answered rate", rateChart(s.days), "No questions in this period.", s.answered + s.notFound > 0)}
${section("gaps", "Unanswered questions by topic", gaps, "Every question was answered.", s.gaps.length > 0)}
${section("disliked", "Answers voted down most (👎)", disliked, "No answer was voted down in this period.", s.disliked.length > 0)}
${section("cited", "Cited documents", cited, "No answer cited a document in this period.", s.cited.length > 0)}
${section("never-cited", "Seed files never cited", never, meta.seeds ? "Every seed file was cited." : "Seeds folder not read.", s.neverCited.length > 0)}
</body></html>
`;
}
