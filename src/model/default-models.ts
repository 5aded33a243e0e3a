// The models the answerer uses unless it is given others.
import { CONFIDENCE_MODEL } from "./confidence-model.ts";
import { PHRASE_MODEL } from "./phrase-model.ts";
import { SENTENCE_MODEL } from "./sentence-model.ts";
import type { Models } from "./types.ts";

/** The committed models, as `npm run train` wrote them. */
export const DEFAULT_MODELS: Models = {
  sentence: { passages: SENTENCE_MODEL.passages, features: SENTENCE_MODEL.features },
  phrase: PHRASE_MODEL.features,
  confidence: CONFIDENCE_MODEL.features,
};
