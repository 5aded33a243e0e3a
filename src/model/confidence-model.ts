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
        halves_declined: 0.904,
        alone_answered: 0.95,
        alone_declined: 0.969,
        natural_answered: 0.917,
        natural_declined: 0.2,
      },
      check: {
        halves_answered: 0.961,
        halves_declined: 0.813,
        alone_answered: 0.947,
        alone_declined: 0.946,
      },
    },
  },
  features: {
    bias: -4.229,
    coverage: -0.522,
    own: 0.008,
    soft: 2.254,
    section: -2.627,
    rarest: 0.142,
    unknown: -1.467,
    terms: 2.574,
    strength: 0.291,
    general: 2.154,
    generalOwn: 2.754,
    keyMissing: -1.608,
    keysMissing: -0.549,
  },
};
