import { describe, expect, it, vi } from "vitest";
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

  it("decodes a document's text on first read, not at restore, and counts without decoding", () => {
    const { header, buffers } = snapshot();
    const decode = vi.spyOn(Buffer.prototype, "toString");
    try {
      const restored = runSteps(fromSections(fromBuffers(header, buffers)));
      const texts = () => decode.mock.calls.filter(([enc]) => enc === "latin1" || enc === "utf8");
      const atRestore = texts().length;
      expect(restored.corpus.totals).toEqual({
        sentences: corpus.passages.reduce((n, p) => n + p.sentences.length, 0),
        characters: corpus.documents.reduce((n, d) => n + d.text.length, 0),
      });
      expect(restored.corpus.documents[0]?.text).toBe(corpus.documents[0]?.text);
      expect(texts().length).toBe(atRestore + 1);
      // Read again: the decoded string is kept.
      expect(restored.corpus.documents[0]?.text).toBe(corpus.documents[0]?.text);
      expect(texts().length).toBe(atRestore + 1);
    } finally {
      decode.mockRestore();
    }
  });
});
