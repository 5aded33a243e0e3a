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
        halves_declined: 0.905,
        alone_answered: 0.955,
        alone_declined: 0.99,
        pieces_answered: 0.923,
        pieces_declined: 0.837,
        natural_answered: 0.964,
        natural_declined: 0.109,
      },
      check: {
        halves_answered: 0.966,
        halves_declined: 0.805,
        alone_answered: 0.95,
        alone_declined: 0.963,
        pieces_answered: 0.92,
        pieces_declined: 0.862,
      },
    },
  },
  features: {
    bias: -4.137,
    coverage: -0.774,
    own: 0.102,
    soft: 1.612,
    section: -0.657,
    rarest: -0.967,
    unknown: -2.747,
    terms: 1.718,
    strength: 0.555,
    general: 3.197,
    generalOwn: 2.966,
    keyMissing: -0.076,
    keysMissing: -0.748,
    keysNotOwn: 0.386,
    typeMissing: -2.078,
    subjectMissing: -0.333,
  },
};
