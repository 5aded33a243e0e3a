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
        alone_declined: 0.985,
        pieces_answered: 0.923,
        pieces_declined: 0.837,
        natural_answered: 0.964,
        natural_declined: 0.2,
      },
      check: {
        halves_answered: 0.97,
        halves_declined: 0.795,
        alone_answered: 0.952,
        alone_declined: 0.958,
        pieces_answered: 0.922,
        pieces_declined: 0.861,
      },
    },
  },
  features: {
    bias: -4.02,
    coverage: -0.636,
    own: 0.102,
    soft: 1.615,
    section: -0.703,
    rarest: -0.884,
    unknown: -2.775,
    terms: 1.723,
    strength: 0.424,
    general: 3.147,
    generalOwn: 2.931,
    keyMissing: -0.087,
    keysMissing: -0.76,
    keysNotOwn: 0.378,
    typeMissing: -2.505,
    subjectMissing: -0.356,
  },
};
