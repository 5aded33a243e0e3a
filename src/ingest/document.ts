import type { Span } from "./span.ts";
import { toBlocks, type Block } from "./blocks.ts";
import { rstProseStart } from "./rst.ts";
import { splitSentences } from "./sentences.ts";

/** How a seed file's markup is read; decided by its extension. */
export type Format = "markdown" | "rst" | "text";

/** A passage: one paragraph, or one piece of a long paragraph, with its sentences. */
export interface PassageSpan {
  start: number;
  end: number;
  /** 1-based number of the blank-line-separated block the passage comes from. */
  paragraph: number;
  /** The section heading in effect (the title before the first heading). */
  section: string;
  sentences: Span[];
}

/** A seed file read into title, passages and line starts. */
export interface ParsedDocument {
  title: string;
  passages: PassageSpan[];
}

/** Paragraphs longer than this are cut into passages of about PASSAGE_TARGET characters. */
const LONG_PARAGRAPH = 1500;
const PASSAGE_TARGET = 1000;

/** Picks the format from a file name: .md/.markdown, .rst/.rst.txt, everything else text. */
export function formatOf(file: string): Format {
  const f = file.toLowerCase();
  if (f.endsWith(".md") || f.endsWith(".markdown")) return "markdown";
  if (f.endsWith(".rst") || f.endsWith(".rst.txt")) return "rst";
  return "text";
}

const RST_ADORNMENT = /^([=\-`:'"~^_*+#<>.])\1{2,}\s*$/;

function headingOf(block: Block, format: Format): string | null {
  const [first, second] = block.lines;
  if (first === undefined) return null;
  if (format === "markdown") {
    const atx = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(first);
    if (atx && block.lines.length === 1) return atx[1] ?? "";
    if (second !== undefined && block.lines.length === 2 && /^\s*(=+|-+)\s*$/.test(second))
      return first.trim();
  }
  if (format === "rst") {
    const lines = block.lines.filter((l) => !RST_ADORNMENT.test(l));
    const adorned = block.lines.some((l) => RST_ADORNMENT.test(l));
    if (adorned && lines.length === 1 && block.lines.length <= 3) return (lines[0] ?? "").trim();
  }
  return null;
}

/** True for blocks that are code or markup rather than prose. */
function isNoise(block: Block, format: Format): boolean {
  const first = block.lines[0] ?? "";
  if (format === "markdown" && /^\s*(```|~~~)/.test(first)) return true;
  if (format === "markdown" && /^\s*(<!--|\|?\s*:?-{3,})/.test(first)) return true;
  if (/^\s*(>>>|\$ )/.test(first)) return true;
  return block.lines.every((l) => RST_ADORNMENT.test(l) || l.trim() === "");
}

/** Drops reST roles and inline markup from a heading: ":mod:`os` --- x" → "os --- x". */
function cleanHeading(heading: string): string {
  return heading
    .replace(/:[\w:.-]+:`([^`]*)`/g, "$1")
    .replace(/[*_`]/g, "")
    .trim();
}

/** Longest first line of a text file that is read as its title. */
const MAX_TITLE_LENGTH = 120;

// A sentence ends with . ! ? or … (maybe inside closing quotes or brackets); a title does not.
function isTitleLine(line: string): boolean {
  return line.length <= MAX_TITLE_LENGTH && !/[.!?…]["'”’)\]]*$/.test(line);
}

/** Reads a seed's text into a title and passages with exact offsets. */
export function parseDocument(text: string, format: Format, fallbackTitle: string): ParsedDocument {
  let title: string | null = null;
  let section = "";
  const passages: PassageSpan[] = [];
  // reST: blocks indented deeper than this are code or a directive's markup body.
  let skipDeeperThan = -1;
  for (const block of toBlocks(text, format === "markdown")) {
    if (skipDeeperThan >= 0) {
      if (block.indent > skipDeeperThan) continue;
      skipDeeperThan = -1;
    }
    const heading = headingOf(block, format);
    if (heading !== null) {
      const clean = cleanHeading(heading);
      if (title === null) title = clean;
      section = clean;
      continue;
    }
    if (format === "text" && title === null) {
      const first = (block.lines[0] ?? "").trim();
      title = isTitleLine(first) ? first : fallbackTitle;
      // A one-line first paragraph is a heading only when more follows; else it is content.
      if (block.lines.length === 1 && title === first && block.end < text.trimEnd().length) {
        continue;
      }
    }
    let start: number | null = block.start;
    if (format === "rst") ({ start, skipDeeperThan } = rstProseStart(block));
    if (start === null || isNoise(block, format) || start >= block.end) continue;
    if (format === "markdown") {
      const quote = /^\s*(>\s*)+/.exec(text.slice(start, block.end));
      if (quote) start += quote[0].length;
    }
    const sentences = splitSentences(text, start, block.end);
    addPassages(passages, sentences, block.number, section || title || fallbackTitle);
  }
  return { title: title || fallbackTitle, passages };
}

function addPassages(
  out: PassageSpan[],
  sentences: Span[],
  paragraph: number,
  section: string,
): void {
  const first = sentences[0];
  const last = sentences.at(-1);
  if (!first || !last) return;
  if (last.end - first.start <= LONG_PARAGRAPH) {
    out.push({ start: first.start, end: last.end, paragraph, section, sentences });
    return;
  }
  let group: Span[] = [];
  for (const s of sentences) {
    const groupStart = group[0]?.start ?? s.start;
    if (group.length > 0 && s.end - groupStart > PASSAGE_TARGET) {
      out.push({
        start: groupStart,
        end: group.at(-1)?.end ?? s.end,
        paragraph,
        section,
        sentences: group,
      });
      group = [];
    }
    group.push(s);
  }
  if (group.length > 0) {
    out.push({
      start: group[0]?.start ?? 0,
      end: group.at(-1)?.end ?? 0,
      paragraph,
      section,
      sentences: group,
    });
  }
}
