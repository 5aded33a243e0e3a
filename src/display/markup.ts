import type { Span } from "../answering/answer.ts";
import type { Format } from "../ingest/document.ts";

// Each pattern's groups: (opening markup)(shown text)(closing markup). Only the markup is hidden.
const MARKDOWN: readonly RegExp[] = [
  /(!?\[)([^\]\n]+)(\]\([^)\s]*(?:\s+"[^"]*")?\))/g, // [label](url), ![alt](src)
  /(\*\*|__)(?=\S)([^\n]+?)(?<=\S)(\1)/g, // **strong**, __strong__
  /(?<![\w*\\])(\*)(?=[^\s*])([^*\n]+?)(?<=[^\s*])(\*)(?![\w*])/g, // *emphasis*
  /(?<![\w\\])(_)(?=[^\s_])([^_\n]+?)(?<=[^\s_])(_)(?!\w)/g, // _emphasis_
  /(`+)([^`\n]+?)(\1)/g, // `code`
];
const RST: readonly RegExp[] = [
  /(:[\w:.+-]+:`)([^`]+?)(`)/g, // :role:`text`
  /(`)([^`<\n]+?)( <[^>\n]+>`__?)/g, // `text <url>`_
  /(`)([^`\n]+?)(`__?)/g, // `reference`_
  /(``)([^`\n]+?)(``)/g, // ``literal``
  /(\*\*)(?=\S)([^*\n]+?)(?<=\S)(\*\*)/g, // **strong**
  /(?<![\w*])(\*)(?=[^\s*])([^*\n]+?)(?<=[^\s*])(\*)(?![\w*])/g, // *emphasis*
  /(:)(:)()(?=\s*$)/g, // "as follows::" shows as "as follows:"
];

/**
 * The markup characters of a Markdown or reST excerpt (emphasis marks, link syntax, roles,
 * literal quotes), as spans to leave out when the excerpt is shown. Plain text has none.
 */
export function markupSpans(text: string, format: Format): Span[] {
  if (format === "text") return [];
  const out: Span[] = [];
  const taken = new Array<boolean>(text.length).fill(false);
  for (const re of format === "markdown" ? MARKDOWN : RST) {
    for (const m of text.matchAll(re)) {
      const [, open = "", shown = "", close = ""] = m;
      const start = m.index;
      const end = start + m[0].length;
      // A later, looser pattern must not re-read characters an earlier one explained.
      if (taken.slice(start, end).some(Boolean)) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      if (open) out.push({ start, end: start + open.length });
      if (close) out.push({ start: start + open.length + shown.length, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
