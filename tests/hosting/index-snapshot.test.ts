import { describe, expect, it } from "vitest";
import { buildCorpus } from "../../src/ingest/corpus.ts";
import { runSteps } from "../../src/ingest/steps.ts";
import { buildIndex } from "../../src/search/search-index.ts";
import {
  fromBuffers,
  fromSections,
  toBuffers,
  toSections,
} from "../../src/hosting/index-snapshot.ts";

const corpus = buildCorpus([
  {
    doc: "harbour.md",
    text: "# Harbour\n\nThe keeper counted seventeen ships.\n\nFog rolls in every autumn.\n",
    format: "markdown",
    size: 0,
    mtimeMs: 0,
  },
]);
const index = buildIndex(corpus);

function snapshot() {
  const { header, sections } = toSections("key", corpus, index, []);
  return { header, buffers: toBuffers(sections) };
}

describe("fromSections", () => {
  it("restores the index a build made: same passages found for the same terms", () => {
    const { header, buffers } = snapshot();
    const restored = runSteps(fromSections(fromBuffers(header, buffers)));
    expect(restored.index.search(["ship", "keeper"], 5)).toEqual(
      index.search(["ship", "keeper"], 5),
    );
  });

  it("refuses postings that name a passage past the last one", () => {
    const { header, buffers } = snapshot();
    const docs = new Uint32Array(buffers["docs0"] ?? new ArrayBuffer(0));
    expect(docs.length).toBeGreaterThan(0);
    docs[docs.length - 1] = corpus.passages.length;
    expect(() => runSteps(fromSections(fromBuffers(header, buffers)))).toThrow(
      /postings do not fit together/,
    );
  });
});
