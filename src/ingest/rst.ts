import type { Block } from "./blocks.ts";

// reST directives whose body is code, markup or metadata rather than prose.
const RST_NON_PROSE = new Set(
  (
    "index code-block code sourcecode literalinclude productionlist toctree highlight image figure " +
    "testcode testoutput testsetup testcleanup doctest raw csv-table list-table tabularcolumns " +
    "autosummary moduleauthor sectionauthor currentmodule program include only ifconfig " +
    "audit-event opcode cmdoption envvar option describe impl-detail"
  ).split(" "),
);
// Admonitions whose arguments on the directive line are already prose.
const RST_ADMONITIONS = new Set(
  "note warning seealso tip important caution attention danger error hint admonition topic sidebar".split(
    " ",
  ),
);
const RST_DIRECTIVE = /^(\s*)\.\.\s+([\w:-]+)::[ \t]*(.*)$/;
const RST_OPTION = /^\s*:[\w -]+:(\s.*)?$/;

/** Where a reST block's prose starts, and how deep the blocks after it must be to be skipped. */
export interface RstProse {
  /** Offset of the prose, or null when the block is markup only. */
  start: number | null;
  /** Following blocks indented deeper than this are code or a directive's body; -1 = none. */
  skipDeeperThan: number;
}

/** Finds where the prose of a reST block starts and what it makes the parser skip after it. */
export function rstProseStart(block: Block): RstProse {
  let skipDeeperThan = -1;
  const prose = (start: number | null): RstProse => ({ start, skipDeeperThan });
  const first = block.lines[0] ?? "";
  const last = block.lines.at(-1) ?? "";
  const directive = RST_DIRECTIVE.exec(first);
  if (directive) {
    const name = directive[2] ?? "";
    if (RST_NON_PROSE.has(name)) {
      skipDeeperThan = block.indent;
      return prose(null);
    }
    // The directive line is markup (a signature, a version); its arguments are prose only for
    // admonitions. Option lines (":linenos:") right after it are markup too.
    let offset = block.start;
    let i = 0;
    if (RST_ADMONITIONS.has(name) && (directive[3] ?? "").trim() !== "") {
      offset += first.length - (directive[3] ?? "").length;
    } else {
      offset += first.length + 1;
      i = 1;
      while (i < block.lines.length && RST_OPTION.test(block.lines[i] ?? "")) {
        offset += (block.lines[i] ?? "").length + 1;
        i++;
      }
    }
    if (block.lines.length > 1 && last.trimEnd().endsWith("::")) skipDeeperThan = last.search(/\S/);
    return prose(i >= block.lines.length ? null : offset);
  }
  if (/^\s*\.\.(\s|$)/.test(first)) {
    // A comment, a link target or a substitution: skip it and anything indented under it.
    skipDeeperThan = block.indent;
    return prose(null);
  }
  if (last.trimEnd().endsWith("::")) {
    skipDeeperThan = last.search(/\S/);
    if (block.lines.length === 1 && last.trim() === "::") return prose(null);
  }
  return prose(block.start);
}
