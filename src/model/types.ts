// The learned models as data: each file beside this one is written by `npm run train` (see
// tools/train.ts) and says where it came from; the answerer receives them, nothing imports them
// except the list of defaults.
import type { SpanWeights } from "../answering/answer-span.ts";
import type { ConfidenceWeights } from "../answering/confidence.ts";
import type { RankWeights } from "../answering/rank.ts";

/** How a model was made, so anyone can remake and check it. */
export interface Provenance {
  /** The command that wrote the file. */
  command: string;
  /** The question set and corpus it learned from. */
  data: string;
  /** Which half of the articles it learned from ("tune"); the other half checks it. */
  split: string;
  /** The weights training starts from. */
  start: string;
  /** The training objective's score on each half, measured when the file was written. */
  scores: { tune: Record<string, number>; check: Record<string, number> } | null;
  /** Anything a reader of the weights should know. */
  note?: string;
}

/** Sentence-ranking weights with their provenance. */
export interface SentenceModel extends RankWeights {
  provenance: Provenance;
}

/** Answer-phrase weights with their provenance. */
export interface PhraseModel {
  provenance: Provenance;
  features: SpanWeights;
}

/** Answer-or-abstain weights with their provenance. */
export interface ConfidenceModel {
  provenance: Provenance;
  features: ConfidenceWeights;
}

/** The three models the answerer composes. */
export interface Models {
  sentence: RankWeights;
  phrase: SpanWeights;
  confidence: ConfidenceWeights;
}
