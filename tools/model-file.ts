import { writeFileSync } from "node:fs";
import prettier from "prettier";
import type { Provenance } from "../src/tools.ts";

/** Which model a file holds: its file name, constant, type and one-line description. */
export interface ModelFileKind {
  file: string;
  constant: string;
  type: "SentenceModel" | "PhraseModel" | "ConfidenceModel";
  description: string;
}

/** The three model files under src/model/. */
export const MODEL_FILES = {
  sentence: {
    file: "sentence-model.ts",
    constant: "SENTENCE_MODEL",
    type: "SentenceModel",
    description: "Sentence ranking: a linear score over the features of sentence-features.ts.",
  },
  phrase: {
    file: "phrase-model.ts",
    constant: "PHRASE_MODEL",
    type: "PhraseModel",
    description: "Answer phrase: a linear score over the features of span-features.ts.",
  },
  confidence: {
    file: "confidence-model.ts",
    constant: "CONFIDENCE_MODEL",
    type: "ConfidenceModel",
    description: "Answer or not found: logistic regression over the inputs of confidence.ts.",
  },
} as const satisfies Record<string, ModelFileKind>;

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The TypeScript source of a model file, formatted by the repository's prettier settings. */
export async function toModelSource(
  kind: ModelFileKind,
  provenance: Provenance,
  body: Record<string, unknown>,
): Promise<string> {
  const rounded = JSON.parse(
    JSON.stringify(body, (_, v: unknown) => (typeof v === "number" ? round(v) : v)),
  ) as Record<string, unknown>;
  const json = JSON.stringify({ provenance, ...rounded }, null, 2);
  const source = [
    `// Written by \`${provenance.command}\` (tools/train.ts): retrain rather than edit by hand.`,
    `import type { ${kind.type} } from "./types.ts";`,
    "",
    `/** ${kind.description} */`,
    `export const ${kind.constant}: ${kind.type} = ${json};`,
    "",
  ].join("\n");
  const options = await prettier.resolveConfig(import.meta.filename);
  return prettier.format(source, { ...options, parser: "typescript" });
}

/** Writes a model file into a folder (src/model/ by default). */
export async function writeModelFile(
  folder: string,
  kind: ModelFileKind,
  provenance: Provenance,
  body: Record<string, unknown>,
): Promise<void> {
  writeFileSync(`${folder}/${kind.file}`, await toModelSource(kind, provenance, body));
}
