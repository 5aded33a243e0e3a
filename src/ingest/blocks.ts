// The first cut of a seed file: blank-line-separated blocks, shared by every format's parser.

/** A blank-line-separated block of lines, with its offsets. */
export interface Block {
  start: number;
  end: number;
  lines: string[];
  number: number;
  indent: number;
}

/** Cuts text into blank-line-separated blocks; with `fenced` (Markdown), code fences keep their blank lines. */
export function toBlocks(text: string, fenced: boolean): Block[] {
  const out: Block[] = [];
  let current: Block | null = null;
  let fence: string | null = null;
  let number = 0;
  let offset = 0;
  for (const raw of text.split("\n")) {
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, "");
    const fenceMark = fenced ? /^\s*(```+|~~~+)/.exec(line)?.[1] : undefined;
    const blank = line.trim() === "" && fence === null;
    if (blank) {
      if (current) out.push(current);
      current = null;
    } else {
      if (!current) {
        number++;
        current = {
          start: lineStart,
          end: lineStart,
          lines: [],
          number,
          indent: line.search(/\S|$/),
        };
      }
      current.lines.push(line);
      current.end = lineStart + line.length;
    }
    if (fenceMark)
      fence = fence === null ? fenceMark : fenceMark.startsWith(fence[0] ?? "`") ? null : fence;
  }
  if (current) out.push(current);
  return out;
}
