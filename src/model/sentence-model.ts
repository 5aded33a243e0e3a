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
        top1: 0.7652,
        natural_top1: 0.7109,
      },
      check: {
        top1: 0.7492,
      },
    },
  },
  passages: 12,
  features: {
    own: 0.679,
    near: 0.662,
    rest: 0.152,
    section: 0.777,
    passage: 0.478,
    pairs: 0.036,
    typed: 0.279,
    matched: 0.138,
    length: 0.022,
    novel: -0.058,
    first: -0.031,
    rank: -0.05,
    rarest: 0.046,
    proximity: 0.057,
    candidates: 0.021,
    ownSquared: 0.224,
    soft: 0.409,
    previous: -0.295,
    next: -0.509,
    bm25: -0.011,
    related: 0.584,
    reason: 0.137,
    reasonAfter: 0.19,
  },
};
