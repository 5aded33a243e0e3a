import {
  assertNever,
  toDisplayText,
  toPrintable,
  toSegments,
  sourceUrl,
  type Answer,
  type DocumentInfo,
  type Segment,
} from "../../src/index.ts";

/** Options for {@link render}. */
export interface TerminalRenderOptions {
  /** ANSI colour and bold; off when piped or NO_COLOR is set. */
  color: boolean;
  /** SEEDS_BASE_URL, to print a link under each citation. */
  baseUrl?: string | null;
}

const ANSI = {
  bold: "\x1b[1m",
  yellow: "\x1b[1;33m",
  dim: "\x1b[2m",
  cyan: "\x1b[36m",
  reset: "\x1b[0m",
};

/** How to ask, for `help` replies and `:help`. */
export const TERMINAL_HELP = [
  "Ask a question about the documents in the seeds folder, e.g. “How much did Tokyo agree to pay?”.",
  "Answers quote the documents verbatim and cite file:line. Follow-ups (“when did it start?”)",
  "use the questions before them. Commands: :more (more excerpts for the last question), :new",
  "(a new conversation), :help, :sources, :reload, :use NAME (answer from one sub-folder of the",
  "seeds; :use all for every file), :as discord | :as slack (the payload those",
  "platforms would get for the last answer), :quit.",
].join("\n");

// Terminal control sequences in seed text could move the cursor or recolour the screen, and
// bidi overrides could make a quote read differently from what it says.
const safe = toDisplayText;

function paint(segment: Segment, color: boolean): string {
  const text = safe(segment.text);
  if (segment.mark === "plain") return text;
  if (!color) return segment.mark === "phrase" ? `[${text}]` : text;
  return (segment.mark === "phrase" ? ANSI.yellow : ANSI.bold) + text + ANSI.reset;
}

/** What `:more` says when nothing else answers the last question. */
const NO_MORE_TEXT = "No more: nothing else in the seeds answers that question.";

/** Renders an answer as terminal text: numbered quotes, then their sources. */
export function render(answer: Answer, options: TerminalRenderOptions): string {
  const { color } = options;
  const dim = (s: string) => (color ? ANSI.dim + s + ANSI.reset : s);
  switch (answer.kind) {
    case "cited": {
      const lines: string[] = [];
      answer.excerpts.forEach((e, i) => {
        const body = toSegments(e, i === 0 ? answer.phrase : undefined)
          .map((s) => paint(s, color))
          .join("");
        lines.push(`[${i + 1}] “${e.clippedStart ? "…" : ""}${body}${e.clippedEnd ? "…" : ""}”`);
        const url = sourceUrl(options.baseUrl ?? null, e.doc, e.line);
        lines.push(
          dim(
            `    — ${safe(e.title)} (${toPrintable(e.doc)}:${e.line}, paragraph ${e.paragraph}, chars ${e.start}–${e.end})`,
          ),
        );
        if (url) lines.push(dim(`      ${url}`));
      });
      return lines.join("\n");
    }
    case "not_found": {
      const { spelling, titles } = answer.suggestions;
      const lines = ["Not found: nothing in the seeds answers that."];
      if (spelling) lines.push(`Did you mean: “${safe(spelling)}”?`);
      if (titles.length) lines.push(`Closest documents: ${titles.map(safe).join("; ")}`);
      return lines.join("\n");
    }
    case "help":
      return answer.reason === "thanks"
        ? "You're welcome! Ask another question any time."
        : answer.reason === "greeting"
          ? `Hello! ${TERMINAL_HELP}`
          : TERMINAL_HELP;
    case "no_more":
      return NO_MORE_TEXT;
    default:
      return assertNever(answer);
  }
}

/** Lists the documents for `:sources`. */
export function renderSources(documents: readonly DocumentInfo[]): string {
  return documents
    .map((d, i) => `${i + 1}. ${safe(d.title)} — ${toPrintable(d.doc)} (${d.passages} passages)`)
    .join("\n");
}
