// Short documents with near misses, made from the squad-dev-a articles: each article is cut
// into pieces of a few paragraphs (about the size of a short news article, like the bundled
// seed). A piece's own questions are in corpus; the article's other questions share its names
// and vocabulary but ask about paragraphs the piece lacks, so they are hard off-corpus ones.
import type { SeedFile } from "../src/tools.ts";
import type { GoldQuestion } from "./questions.ts";
import { holdsAnswer } from "./scoring.ts";

/** Paragraphs in one piece: four SQuAD paragraphs are about as long as the bundled article. */
export const PIECE_PARAGRAPHS = 4;
/** Off-corpus questions asked of each piece, taken evenly from the rest of its article. */
export const NEAR_MISSES_PER_PIECE = 10;

/** One piece of an article: its text (the title line kept) and the paragraphs it holds. */
export interface Piece {
  file: { doc: string; text: string };
  paragraphs: ReadonlySet<number>;
}

/** Cuts an article (`# Title`, then blank-line-separated paragraphs numbered from 0) into pieces. */
export function piecesOf(file: SeedFile, size = PIECE_PARAGRAPHS): Piece[] {
  const [title = "", ...paragraphs] = file.text.split(/\n\s*\n/);
  const pieces: Piece[] = [];
  for (let k = 0; k < paragraphs.length; k += size) {
    const numbers = paragraphs.slice(k, k + size).map((_, i) => k + i);
    const body = paragraphs.slice(k, k + size).join("\n\n");
    const doc = file.doc.replace(/\.md$/, `-${k}.md`);
    pieces.push({ file: { doc, text: `${title}\n\n${body}\n` }, paragraphs: new Set(numbers) });
  }
  return pieces;
}

/**
 * A piece's questions: its own (in corpus) and evenly spaced others of its article (near
 * misses). A near miss whose answer happens to be in the piece is left out: it may be answered.
 */
export function pieceQuestions(
  piece: Piece,
  article: readonly GoldQuestion[],
): { inside: GoldQuestion[]; nearMisses: GoldQuestion[] } {
  const inside = article.filter(
    (q) => q.paragraph !== undefined && piece.paragraphs.has(q.paragraph),
  );
  const others = article.filter(
    (q) =>
      q.paragraph !== undefined &&
      !piece.paragraphs.has(q.paragraph) &&
      !holdsAnswer(piece.file.text, q.answers),
  );
  const nearMisses: GoldQuestion[] = [];
  const n = Math.min(NEAR_MISSES_PER_PIECE, others.length);
  for (let k = 0; k < n; k++) {
    const q = others[Math.floor((k * others.length) / n)];
    if (q) nearMisses.push(q);
  }
  return { inside, nearMisses };
}
