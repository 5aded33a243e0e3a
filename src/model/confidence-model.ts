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
        halves_answered: 0.968,
        halves_declined: 0.895,
        alone_answered: 0.945,
        alone_declined: 0.977,
        natural_answered: 0.917,
        natural_declined: 0.2,
      },
      check: {
        halves_answered: 0.964,
        halves_declined: 0.779,
        alone_answered: 0.946,
        alone_declined: 0.954,
      },
    },
  },
  features: {
    bias: -3.995,
    coverage: 0.149,
    own: 0.551,
    soft: 2.761,
    section: -1.91,
    rarest: -0.102,
    unknown: -2.296,
    terms: 3.18,
    strength: -0.176,
    general: 1.708,
    generalOwn: 2.13,
    keyMissing: -1.997,
    keysMissing: -0.416,
    keysNotOwn: -0.317,
    typeMissing: -2.203,
  },
};
