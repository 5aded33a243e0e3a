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
        top1: 0.7652,
      },
      check: {
        top1: 0.7468,
      },
    },
  },
  passages: 12,
  features: {
    own: 0.667,
    near: 0.674,
    rest: 0.181,
    section: 0.763,
    passage: 0.442,
    pairs: 0.02,
    typed: 0.263,
    matched: 0.163,
    length: -0.019,
    novel: -0.005,
    first: -0.038,
    rank: -0.055,
    rarest: 0.049,
    proximity: 0.06,
    candidates: 0.03,
    ownSquared: 0.218,
    soft: 0.369,
    previous: -0.295,
    next: -0.509,
    bm25: 0.061,
    related: 0.671,
  },
};
