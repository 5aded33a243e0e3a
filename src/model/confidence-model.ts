// Written by `npm run train -- --target abstain` (tools/train.ts): retrain rather than edit by hand.
import type { ConfidenceModel } from "./types.ts";

/** Answer or not found: logistic regression over the inputs of confidence.ts. */
export const CONFIDENCE_MODEL: ConfidenceModel = {
  provenance: {
    command: "npm run train -- --target abstain",
    data: "squad-dev-a (24 SQuAD v1.1 articles), tune half; data/natural/dev.jsonl",
    split: "tune",
    start: "all weights 0",
    scores: {
      tune: {
        halves_answered: 0.971,
        halves_declined: 0.887,
        alone_answered: 0.955,
        alone_declined: 0.975,
        pieces_answered: 0.917,
        pieces_declined: 0.826,
        natural_answered: 0.917,
        natural_declined: 0.2,
      },
      check: {
        halves_answered: 0.971,
        halves_declined: 0.774,
        alone_answered: 0.954,
        alone_declined: 0.948,
        pieces_answered: 0.922,
        pieces_declined: 0.848,
      },
    },
  },
  features: {
    bias: -4.272,
    coverage: 0.112,
    own: 0.353,
    soft: 2.329,
    section: -1.89,
    rarest: -0.334,
    unknown: -2.196,
    terms: 3.028,
    strength: -0.115,
    general: 2.244,
    generalOwn: 2.426,
    keyMissing: -1.644,
    keysMissing: -0.558,
    keysNotOwn: -0.092,
    typeMissing: -1.666,
    subjectMissing: -0.438,
  },
};
