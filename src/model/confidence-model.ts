// Written by `npm run train -- --target abstain` (tools/train.ts): retrain rather than edit by hand.
import type { ConfidenceModel } from "./types.ts";

/** Answer or not found: logistic regression over the inputs of confidence.ts. */
export const CONFIDENCE_MODEL: ConfidenceModel = {
  provenance: {
    command: "npm run train -- --target abstain",
    data: "squad-dev-a (24 SQuAD v1.1 articles), tune half; data/natural/dev.jsonl, data/natural/dev-more.jsonl",
    split: "tune",
    start: "all weights 0",
    scores: {
      tune: {
        halves_answered: 0.975,
        halves_declined: 0.902,
        alone_answered: 0.954,
        alone_declined: 0.988,
        pieces_answered: 0.923,
        pieces_declined: 0.839,
        natural_answered: 0.964,
        natural_declined: 0.091,
      },
      check: {
        halves_answered: 0.968,
        halves_declined: 0.802,
        alone_answered: 0.95,
        alone_declined: 0.96,
        pieces_answered: 0.921,
        pieces_declined: 0.863,
      },
    },
  },
  features: {
    bias: -4.146,
    coverage: -0.66,
    own: 0.034,
    soft: 1.638,
    section: -0.685,
    rarest: -0.97,
    unknown: -2.74,
    terms: 1.718,
    strength: 0.579,
    general: 3.167,
    generalOwn: 2.929,
    keyMissing: -0.058,
    keysMissing: -0.745,
    keysNotOwn: 0.385,
    typeMissing: -2.2,
    subjectMissing: -0.344,
  },
};
