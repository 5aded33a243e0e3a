import { toDisplayText, type Segment } from "../../src/index.ts";

/** Escapes the three characters mrkdwn treats as control, so no text becomes a mention or link. */
export function escapeMrkdwn(text: string): string {
  return toDisplayText(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escapes `text` and cuts it, at a character, so the escaped form fits in `max`. */
export function fitEscaped(text: string, max: number): { text: string; clipped: boolean } {
  let out = "";
  for (const ch of text) {
    const escaped = escapeMrkdwn(ch);
    if (out.length + escaped.length > max) return { text: out, clipped: true };
    out += escaped;
  }
  return { text: out, clipped: false };
}

/** The first `max` UTF-16 units of `text`, never ending inside a surrogate pair. */
export function sliceWhole(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

// A zero-width space lets `*bold*` start and end inside a word, where mrkdwn would ignore it.
const ZWSP = "\u200b";
const STAR_COST = 4;

function markup(segments: Segment[], budget: number): { text: string; clipped: boolean } {
  let out = "";
  for (const seg of segments) {
    const wrap = seg.mark !== "plain" && !/[*\n]/.test(seg.text) && seg.text.trim() !== "";
    const fit = fitEscaped(seg.text, Math.max(0, budget - out.length - (wrap ? STAR_COST : 0)));
    if (fit.text) out += wrap ? `${ZWSP}*${fit.text}*${ZWSP}` : fit.text;
    if (fit.clipped) return { text: out, clipped: true };
  }
  return { text: out, clipped: false };
}

/** Excerpt markup in at most `budget` characters, ending in "…" when it had to be cut. */
export function segmentMarkup(segments: Segment[], budget: number): string {
  const whole = markup(segments, budget);
  return whole.clipped ? markup(segments, budget - 1).text + "…" : whole.text;
}
