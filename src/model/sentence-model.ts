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
        natural_top1: 0.7156,
      },
      check: {
        top1: 0.7488,
      },
    },
  },
  passages: 12,
  features: {
    own: 0.649,
    near: 0.666,
    rest: 0.132,
    section: 0.812,
    passage: 0.502,
    pairs: 0.041,
    typed: 0.271,
    matched: 0.153,
    length: -0.002,
    novel: -0.04,
    first: -0.032,
    rank: -0.056,
    rarest: 0.048,
    proximity: 0.055,
    candidates: 0.026,
    ownSquared: 0.223,
    soft: 0.409,
    previous: -0.31,
    next: -0.521,
    bm25: 0.001,
    related: 0.618,
    reason: 0.145,
    reasonAfter: 0.223,
  },
};
