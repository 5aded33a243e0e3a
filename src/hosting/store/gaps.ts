// Knowledge gaps: the questions citebot could not answer, grouped by the word they share.
import { tokenize } from "../../search/tokenize.ts";

/** Unanswered questions that share a word. */
export interface GapTopic {
  /** The shared word, as people wrote it. */
  topic: string;
  count: number;
  /** Up to three of its questions, the most asked first. */
  examples: string[];
}

/**
 * Groups unanswered questions into topics: repeatedly, the content word (stem) shared by the
 * most remaining questions becomes a topic with every question holding it; a question that
 * shares no word with another stands alone under its own rarest word.
 */
export function groupGaps(questions: readonly string[], maxTopics = 20): GapTopic[] {
  const items = questions.map((text) => {
    const tokens = tokenize(text);
    return { text, stems: new Set(tokens.map((t) => t.term)), words: tokens };
  });
  let left = items.filter((i) => i.stems.size > 0);
  const topics: GapTopic[] = [];
  while (left.length > 0 && topics.length < maxTopics) {
    const counts = new Map<string, number>();
    for (const item of left) for (const s of item.stems) counts.set(s, (counts.get(s) ?? 0) + 1);
    const [best] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (!best) break;
    const [term] = best;
    const group = left.filter((i) => i.stems.has(term));
    left = left.filter((i) => !i.stems.has(term));
    const surface = new Map<string, number>();
    for (const i of group)
      for (const t of i.words)
        if (t.term === term) surface.set(t.word, (surface.get(t.word) ?? 0) + 1);
    const asked = new Map<string, number>();
    for (const i of group) asked.set(i.text, (asked.get(i.text) ?? 0) + 1);
    topics.push({
      topic: [...surface].sort((a, b) => b[1] - a[1])[0]?.[0] ?? term,
      count: group.length,
      examples: [...asked]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([q]) => q),
    });
  }
  return topics;
}
