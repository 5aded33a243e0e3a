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
        top1: 0.7648,
        natural_top1: 0.6919,
      },
      check: {
        top1: 0.7463,
      },
    },
  },
  passages: 12,
  features: {
    own: 0.651,
    near: 0.663,
    rest: 0.158,
    section: 0.805,
    passage: 0.483,
    pairs: 0.041,
    typed: 0.26,
    matched: 0.167,
    length: 0.01,
    novel: -0.05,
    first: -0.035,
    rank: -0.058,
    rarest: 0.048,
    proximity: 0.055,
    candidates: 0.029,
    ownSquared: 0.221,
    soft: 0.414,
    previous: -0.299,
    next: -0.486,
    bm25: 0.004,
    related: 0.625,
  },
};
