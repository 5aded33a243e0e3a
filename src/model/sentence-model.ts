// Written by `npm run train -- --target sentence` (tools/train.ts): retrain rather than edit by hand.
import type { SentenceModel } from "./types.ts";

/** Sentence ranking: a linear score over the features of sentence-features.ts. */
export const SENTENCE_MODEL: SentenceModel = {
  provenance: {
    command: "npm run train -- --target sentence",
    data: "squad-dev-a (24 SQuAD v1.1 articles), tune half; data/natural/dev.jsonl, data/natural/dev-more.jsonl",
    split: "tune",
    start: "all weights 0",
    scores: {
      tune: {
        top1: 0.7638,
        natural_top1: 0.7156,
      },
      check: {
        top1: 0.7488,
      },
    },
  },
  passages: 12,
  features: {
    own: 0.688,
    near: 0.692,
    rest: 0.164,
    section: 0.79,
    passage: 0.483,
    pairs: 0.037,
    typed: 0.284,
    matched: 0.131,
    length: 0.021,
    novel: -0.058,
    first: -0.035,
    rank: -0.054,
    rarest: 0.041,
    proximity: 0.057,
    candidates: 0.027,
    ownSquared: 0.244,
    soft: 0.443,
    previous: -0.32,
    next: -0.518,
    bm25: 0.004,
    related: 0.608,
    reason: 0.125,
    reasonAfter: 0.226,
  },
};
