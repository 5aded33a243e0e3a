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
        halves_declined: 0.903,
        alone_answered: 0.955,
        alone_declined: 0.99,
        pieces_answered: 0.923,
        pieces_declined: 0.838,
        natural_answered: 0.964,
        natural_declined: 0.109,
      },
      check: {
        halves_answered: 0.968,
        halves_declined: 0.8,
        alone_answered: 0.951,
        alone_declined: 0.96,
        pieces_answered: 0.921,
        pieces_declined: 0.862,
      },
    },
  },
  features: {
    bias: -4.101,
    coverage: -0.687,
    own: 0.117,
    soft: 1.65,
    section: -0.657,
    rarest: -0.958,
    unknown: -2.759,
    terms: 1.711,
    strength: 0.53,
    general: 3.106,
    generalOwn: 2.954,
    keyMissing: -0.044,
    keysMissing: -0.756,
    keysNotOwn: 0.39,
    typeMissing: -2.08,
    subjectMissing: -0.346,
  },
};
