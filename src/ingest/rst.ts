import type { Block } from "./document.ts";

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

/**
 * Where the prose of a reST block starts, or null when the block is markup only. Sets how deep
 * the following indented blocks must be to be skipped as code or directive bodies.
 */
export function rstProseStart(block: Block, skip: { deeperThan: number }): number | null {
  const first = block.lines[0] ?? "";
  const last = block.lines.at(-1) ?? "";
  const directive = RST_DIRECTIVE.exec(first);
  if (directive) {
    const name = directive[2] ?? "";
    if (RST_NON_PROSE.has(name)) {
      skip.deeperThan = block.indent;
      return null;
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
    if (block.lines.length > 1 && last.trimEnd().endsWith("::"))
      skip.deeperThan = last.search(/\S/);
    return i >= block.lines.length ? null : offset;
  }
  if (/^\s*\.\.(\s|$)/.test(first)) {
    // A comment, a link target or a substitution: skip it and anything indented under it.
    skip.deeperThan = block.indent;
    return null;
  }
  if (last.trimEnd().endsWith("::")) {
    skip.deeperThan = last.search(/\S/);
    if (block.lines.length === 1 && last.trim() === "::") return null;
  }
  return block.start;
}
