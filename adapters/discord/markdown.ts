import { clipAtWord, toDisplayText, type Segment } from "../../src/index.ts";

const MARKDOWN = /[\\*_~`|<>[\]#]/g;
const MASS_MENTION = /@(everyone|here)/gi;

/** Makes untrusted text safe to quote on one line (the core's rule for every platform). */
export const clean = toDisplayText;

/**
 * Escapes Discord Markdown so text shows as written: no formatting, no masked links, no
 * `<@id>`, `<#channel>` or `<t:…>` tags, and a zero-width space defuses @everyone and @here.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN, "\\$&").replace(MASS_MENTION, "@\u200B$1");
}

/** Cleans, escapes and, if needed, clips text so the escaped result is at most `max` long. */
export function fitEscaped(text: string, max: number): string {
  const raw = clean(text);
  return fit(raw.length, max, (n) => escapeMarkdown(n >= raw.length ? raw : clipAtWord(raw, n)));
}

/**
 * Renders highlighted segments as Discord Markdown (terms bold, the answer bold and
 * underlined), clipped at a word with an ellipsis so the result is at most `max` long.
 */
export function fitSegments(segments: readonly Segment[], max: number): string {
  const cleaned = segments.map((s) => ({ ...s, text: clean(s.text) }));
  const plain = cleaned.map((s) => s.text).join("");
  return fit(plain.length, max, (n) => {
    if (n >= plain.length) return markup(cleaned);
    const keep = clipAtWord(plain, n).length - 1;
    return markup(truncate(cleaned, keep)) + "…";
  });
}

/** The largest `build(n)` for n in [0, length] that fits in `max` (binary search). */
function fit(length: number, max: number, build: (n: number) => string): string {
  const whole = build(length);
  if (whole.length <= max) return whole;
  let lo = 0;
  let hi = length - 1;
  let best = "";
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const candidate = build(mid);
    if (candidate.length <= max) {
      best = candidate;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best.length <= max ? best : "";
}

function truncate(segments: readonly Segment[], keep: number): Segment[] {
  const out: Segment[] = [];
  let left = keep;
  for (const s of segments) {
    if (left <= 0) break;
    out.push({ ...s, text: s.text.slice(0, left) });
    left -= s.text.length;
  }
  return out;
}

function markup(segments: readonly Segment[]): string {
  return segments
    .map(({ text, mark }) => {
      if (mark === "plain") return escapeMarkdown(text);
      // Keep spaces outside the markers: "** word**" does not render as bold.
      const [, lead = "", core = "", trail = ""] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
      if (core === "") return text;
      const inner = escapeMarkdown(core);
      return lead + (mark === "term" ? `**${inner}**` : `__**${inner}**__`) + trail;
    })
    .join("");
}
