// Written by `npm run train -- --target sentence` (tools/train.ts): retrain rather than edit by hand.
import type { SentenceModel } from "./types.ts";

/** Sentence ranking: a linear score over the features of sentence-features.ts. */
export const SENTENCE_MODEL: SentenceModel = {
  provenance: {
    command: "npm run train -- --target sentence",
    data: "squad-dev-a (24 SQuAD v1.1 articles), tune half",
    split: "tune",
    start: "all weights 0",
    scores: {
      tune: {
        top1: 0.7648,
      },
      check: {
        top1: 0.7454,
      },
    },
  },
  passages: 12,
  features: {
    own: 0.648,
    near: 0.681,
    rest: 0.214,
    section: 0.796,
    passage: 0.46,
    pairs: 0.03,
    typed: 0.262,
    matched: 0.212,
    length: 0.026,
    novel: -0.053,
    first: -0.036,
    rank: -0.05,
    rarest: 0.056,
    proximity: 0.055,
    candidates: 0.018,
    ownSquared: 0.197,
    soft: 0.4,
    previous: -0.289,
    next: -0.484,
    bm25: 0.029,
    related: 0.676,
  },
};
