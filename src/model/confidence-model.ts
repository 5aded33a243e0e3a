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
        alone_answered: 0.955,
        alone_declined: 0.99,
        pieces_answered: 0.923,
        pieces_declined: 0.838,
        natural_answered: 0.964,
        natural_declined: 0.091,
      },
      check: {
        halves_answered: 0.967,
        halves_declined: 0.803,
        alone_answered: 0.95,
        alone_declined: 0.96,
        pieces_answered: 0.921,
        pieces_declined: 0.863,
      },
    },
  },
  features: {
    bias: -4.142,
    coverage: -0.66,
    own: 0.033,
    soft: 1.641,
    section: -0.686,
    rarest: -0.971,
    unknown: -2.746,
    terms: 1.72,
    strength: 0.578,
    general: 3.164,
    generalOwn: 2.927,
    keyMissing: -0.061,
    keysMissing: -0.745,
    keysNotOwn: 0.385,
    typeMissing: -2.2,
    subjectMissing: -0.344,
  },
};
