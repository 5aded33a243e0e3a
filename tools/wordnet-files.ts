import { readFileSync } from "node:fs";
import path from "node:path";

/** A WordNet part of speech as its file names spell it. */
export type Pos = "noun" | "verb" | "adj" | "adv";

/** One pointer of a synset: to another synset, or from one of its words to another's. */
export interface Pointer {
  symbol: string;
  target: string;
  /** 1-based word of this synset the pointer starts from; 0 for the whole synset. */
  fromWord: number;
  /** 1-based word of the target synset; 0 for the whole synset. */
  toWord: number;
}

/** A synset: its words (spaces for underscores; proper nouns capitalised) and pointers. */
export interface Synset {
  words: string[];
  pointers: Pointer[];
}

/** A lemma's synsets in one part of speech, and how many of them were seen in tagged text. */
export interface Senses {
  synsets: string[];
  /** The first `tagged` senses occur in WordNet's sense-tagged corpora; the rest never did. */
  tagged: number;
}

/** The parts of WordNet the relation table needs. */
export interface WordNet {
  /** "pos lemma" → its senses, most frequent first (the index files' order). */
  senses: Map<string, Senses>;
  /** "pos offset" → synset. */
  synsets: Map<string, Synset>;
  /** "pos offset lemma" → times that sense was tagged in WordNet's sense-tagged corpora. */
  tagCounts: Map<string, number>;
}

const POS: Pos[] = ["noun", "verb", "adj", "adv"];
const POS_OF: Record<string, Pos> = { n: "noun", v: "verb", a: "adj", s: "adj", r: "adv" };
// The synset type digit of a sense key (lemma%type:…): 1 noun, 2 verb, 3 adjective, 4 adverb,
// 5 adjective satellite.
const POS_OF_TYPE: Record<string, Pos> = { 1: "noun", 2: "verb", 3: "adj", 4: "adv", 5: "adj" };

function lines(dir: string, file: string): string[] {
  return readFileSync(path.join(dir, file), "utf8")
    .split("\n")
    .filter((l) => l !== "" && !l.startsWith("  "));
}

/** Reads WordNet's index.* and data.* files (format: wndb(5WN)) from `dir`. */
export function readWordNet(dir: string): WordNet {
  const senses = new Map<string, Senses>();
  const synsets = new Map<string, Synset>();
  for (const pos of POS) {
    for (const line of lines(dir, `index.${pos}`)) {
      const f = line.trim().split(" ");
      const pointerCount = Number(f[3]);
      const tagged = Number(f[4 + pointerCount + 1]);
      const synsets = f.slice(4 + pointerCount + 2).map((o) => `${pos} ${o}`);
      senses.set(`${pos} ${f[0]?.replace(/_/g, " ")}`, { synsets, tagged });
    }
    for (const line of lines(dir, `data.${pos}`)) {
      const f = line.slice(0, line.indexOf(" | ")).trim().split(" ");
      const wordCount = parseInt(f[3] ?? "0", 16);
      const words: string[] = [];
      for (let i = 0; i < wordCount; i++)
        words.push((f[4 + 2 * i] ?? "").replace(/\(.*\)$/, "").replace(/_/g, " "));
      const at = 4 + 2 * wordCount;
      const pointers: Pointer[] = [];
      for (let i = 0; i < Number(f[at]); i++) {
        const [symbol = "", offset = "", p = "", st = "0000"] = f.slice(at + 1 + 4 * i);
        pointers.push({
          symbol,
          target: `${POS_OF[p] ?? p} ${offset}`,
          fromWord: parseInt(st.slice(0, 2), 16),
          toWord: parseInt(st.slice(2), 16),
        });
      }
      synsets.set(`${pos} ${f[0]}`, { words, pointers });
    }
  }
  const tagCounts = new Map<string, number>();
  for (const line of lines(dir, "index.sense")) {
    const [key = "", offset, , count] = line.split(" ");
    const pct = key.indexOf("%");
    const lemma = key.slice(0, pct).replace(/_/g, " ");
    tagCounts.set(`${POS_OF_TYPE[key.charAt(pct + 1)]} ${offset} ${lemma}`, Number(count));
  }
  return { senses, synsets, tagCounts };
}
